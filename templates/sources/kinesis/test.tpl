
    fn sample_event() -> KinesisEvent {
        let json = include_str!("../events/kinesis.json");
        serde_json::from_str(json).expect("the sample parses")
    }

    #[test]
    fn each_record_is_a_job() {
        let jobs = jobs_from(sample_event()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 2);
        assert_eq!(
            jobs[0].id,
            "49590338271490256608559692538361571095921575989136588898"
        );
        assert_eq!(jobs[0].body, b"Hello, this is a test.");
    }

    #[test]
    fn binary_data_is_kept_as_bytes() {
        let json = include_str!("../events/kinesis.json");
        let mut json: serde_json::Value = serde_json::from_str(json).expect("the sample parses");
        // Not UTF-8: 0xff 0x00 0x80.
        json["Records"][0]["kinesis"]["data"] = "/wCA".into();
        let event: KinesisEvent = serde_json::from_value(json).expect("the event parses");
        let jobs = jobs_from(event).expect("jobs from the event");
        assert_eq!(jobs[0].body, [0xff, 0x00, 0x80]);
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
