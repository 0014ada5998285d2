
    fn sample_event() -> Input {
        let json = include_str!("../events/direct.json");
        serde_json::from_str(json).expect("the sample parses")
    }

    #[test]
    fn each_record_is_a_job() {
        let jobs = jobs_from(sample_event()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].id, "order-42");
        assert_eq!(jobs[0].body, b"hello");
    }

    #[tokio::test]
    async fn the_handler_accepts_the_sample_event() {
        {{>rust/test_app}}
        let event = LambdaEvent::new(sample_event(), lambda_runtime::Context::default());
        let output = function_handler(event, &app)
            .await
            .expect("the handler succeeds");
        assert_eq!(output.id, "order-42");
        {{>rust/test_calls}}
    }
