
    fn sample_request() -> Request {
        lambda_http::http::Request::builder()
            .method("POST")
            .uri("/orders")
            .body(Body::from(r#"{"id":"order-42"}"#))
            .expect("a valid request")
    }

    #[test]
    fn the_request_is_a_job() {
        let jobs = jobs_from(&sample_request()).expect("jobs from the sample");
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].id, "/orders");
        assert!(jobs[0].body.contains("order-42"));
    }

    #[tokio::test]
    {{>rust/test_ignore}}
    async fn the_handler_answers_the_sample_request() {
        {{>rust/test_app}}
        let response = function_handler(sample_request(), &app)
            .await
            .expect("the handler succeeds");
        assert_eq!(response.status(), 200);
    }
