
    fn sample_event() -> EventBridgeEvent {
        let json = include_str!("../events/eventbridge.json");
        serde_json::from_str(json).expect("the sample parses")
    }

    #[test]
    fn each_record_is_a_job() {
        let jobs = jobs_from(sample_event()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].id, "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
        let body = std::str::from_utf8(&jobs[0].body).expect("a text body");
        assert!(body.contains("order-42"));
    }

    #[tokio::test]
    async fn the_handler_accepts_the_sample_event() {
        {{>rust/test_app}}
        let event = LambdaEvent::new(sample_event(), lambda_runtime::Context::default());
        function_handler(event, &app)
            .await
            .expect("the handler succeeds");
        {{>rust/test_calls}}
    }
