{{! A REST API (API Gateway v1) request reaches the handler through lambda_http, as an
    HTTP API or function URL request does: the same handler. }}
{{>sources/http/handler}}
