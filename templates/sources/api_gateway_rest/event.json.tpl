{
  "resource": "/orders",
  "path": "/orders",
  "httpMethod": "POST",
  "headers": { "content-type": "application/json" },
  "multiValueHeaders": { "content-type": ["application/json"] },
  "queryStringParameters": null,
  "multiValueQueryStringParameters": null,
  "pathParameters": null,
  "stageVariables": null,
  "requestContext": {
    "accountId": "123456789012",
    "resourceId": "abc123",
    "stage": "prod",
    "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
    "identity": { "sourceIp": "127.0.0.1", "userAgent": "curl/8.0" },
    "resourcePath": "/orders",
    "httpMethod": "POST",
    "apiId": "1234567890",
    "protocol": "HTTP/1.1"
  },
  "body": "{\"id\":\"order-42\"}",
  "isBase64Encoded": false
}
