{
  "id": "order-42",
  "data": "hello"
}
