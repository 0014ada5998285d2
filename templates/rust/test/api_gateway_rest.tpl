
    fn sample_event() -> ApiGatewayProxyRequest {
        let json = include_str!("../events/api_gateway_rest.json");
        serde_json::from_str(json).expect("the sample parses")
    }

    #[test]
    fn each_record_is_a_job() {
        let jobs = jobs_from(sample_event()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].id, "/orders");
        assert!(jobs[0].body.contains("order-42"));
    }

    #[tokio::test]
    {{>rust/test_ignore}}
    async fn the_handler_accepts_the_sample_event() {
        {{>rust/test_app}}
        let event = LambdaEvent::new(sample_event(), lambda_runtime::Context::default());
        let response = function_handler(event, &app)
            .await
            .expect("the handler succeeds");
        assert_eq!(response.status_code, 200);
    }
