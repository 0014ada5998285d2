
    /// The sample REST API event, read by lambda_http as the runtime reads it.
    fn sample_request() -> Request {
        let json = include_str!("../events/api_gateway_rest.json");
        lambda_http::request::from_str(json).expect("the sample parses")
    }

    #[test]
    fn the_request_is_a_job() {
        let jobs = jobs_from(&sample_request()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].id, "order-42");
        let body = std::str::from_utf8(&jobs[0].body).expect("a text body");
        assert!(body.contains("order-42"));
    }

    #[tokio::test]
    async fn the_handler_answers_the_sample_request() {
        {{>rust/test_app}}
        let response = function_handler(sample_request(), &app)
            .await
            .expect("the handler succeeds");
        assert_eq!(response.status(), 200);
        {{>rust/test_calls}}
    }
