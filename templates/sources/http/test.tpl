
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
        assert_eq!(jobs[0].id, "order-42");
        let body = std::str::from_utf8(&jobs[0].body).expect("a text body");
        assert!(body.contains("order-42"));
    }

    #[test]
    fn a_get_names_its_job_in_the_path() {
        let request = lambda_http::http::Request::builder()
            .method("GET")
            .uri("/orders/order-42")
            .body(Body::Empty)
            .expect("a valid request");
        let jobs = jobs_from(&request).expect("a GET needs no body");
        assert_eq!(jobs[0].id, "order-42");
        assert_eq!(jobs[0].body, b"order-42");
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
