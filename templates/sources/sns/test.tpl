
    fn sample_event() -> SnsEvent {
        let json = include_str!("../events/sns.json");
        serde_json::from_str(json).expect("the sample parses")
    }

    #[test]
    fn each_record_is_a_job() {
        let jobs = jobs_from(sample_event()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].id, "95df01b4-ee98-5cb9-9903-4c221d41eb5e");
        assert_eq!(jobs[0].body, b"Hello from SNS!");
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
