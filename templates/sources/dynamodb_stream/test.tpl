
    fn sample_event() -> Event {
        let json = include_str!("../events/dynamodb_stream.json");
        serde_json::from_str(json).expect("the sample parses")
    }

    #[test]
    fn each_record_is_a_job() {
        let jobs = jobs_from(sample_event()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 2);
        assert_eq!(jobs[0].id, "111");
        let body = std::str::from_utf8(&jobs[0].body).expect("a text body");
        assert!(body.contains("New item!"));
    }

    #[tokio::test]
    async fn the_handler_accepts_the_sample_event() {
        {{>rust/test_app}}
        let event = LambdaEvent::new(sample_event(), lambda_runtime::Context::default());
{{#batch_failures.yes}}
        let response = function_handler(event, &app)
            .await
            .expect("the handler succeeds");
        assert!(response.batch_item_failures.is_empty());
{{/batch_failures.yes}}
{{^batch_failures.yes}}
        function_handler(event, &app)
            .await
            .expect("the handler succeeds");
{{/batch_failures.yes}}
        {{>rust/test_calls}}
    }
