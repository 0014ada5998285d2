
    fn sample_event() -> S3Event {
        let json = include_str!("../events/s3.json");
        serde_json::from_str(json).expect("the sample parses")
    }

    #[test]
    fn each_record_is_a_job() {
        let jobs = jobs_from(sample_event()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].bucket, "example-bucket");
        assert_eq!(jobs[0].key, "photos/my cat.jpg");
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

    #[test]
    fn object_keys_are_url_decoded() {
        assert_eq!(url_decode_key("a+b%2Bc%21.txt"), "a b+c!.txt");
        assert_eq!(url_decode_key("plain/key.json"), "plain/key.json");
    }
