{
  "version": "2.0",
  "routeKey": "POST /orders",
  "rawPath": "/orders",
  "rawQueryString": "",
  "headers": { "content-type": "application/json", "host": "example.execute-api.us-east-1.amazonaws.com" },
  "requestContext": {
    "accountId": "123456789012",
    "apiId": "example",
    "domainName": "example.execute-api.us-east-1.amazonaws.com",
    "domainPrefix": "example",
    "http": {
      "method": "POST",
      "path": "/orders",
      "protocol": "HTTP/1.1",
      "sourceIp": "127.0.0.1",
      "userAgent": "curl/8.0"
    },
    "requestId": "JKJaXmPLvHcESHA=",
    "routeKey": "POST /orders",
    "stage": "$default",
    "time": "01/Jan/2024:12:00:00 +0000",
    "timeEpoch": 1704110400000
  },
  "body": "{\"id\":\"order-42\"}",
  "isBase64Encoded": false
}
