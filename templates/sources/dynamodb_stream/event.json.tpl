{
  "Records": [
    {
      "eventID": "1",
      "eventVersion": "1.0",
      "dynamodb": {
        "ApproximateCreationDateTime": 1479499740,
        "Keys": { "Id": { "N": "101" } },
        "NewImage": { "Message": { "S": "New item!" }, "Id": { "N": "101" } },
        "StreamViewType": "NEW_AND_OLD_IMAGES",
        "SequenceNumber": "111",
        "SizeBytes": 26
      },
      "awsRegion": "us-east-1",
      "eventName": "INSERT",
      "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/my-table/stream/2016-11-16T20:42:48.104",
      "eventSource": "aws:dynamodb"
    },
    {
      "eventID": "2",
      "eventVersion": "1.0",
      "dynamodb": {
        "ApproximateCreationDateTime": 1479499741,
        "Keys": { "Id": { "N": "101" } },
        "NewImage": { "Message": { "S": "This item has changed" }, "Id": { "N": "101" } },
        "OldImage": { "Message": { "S": "New item!" }, "Id": { "N": "101" } },
        "StreamViewType": "NEW_AND_OLD_IMAGES",
        "SequenceNumber": "222",
        "SizeBytes": 59
      },
      "awsRegion": "us-east-1",
      "eventName": "MODIFY",
      "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/my-table/stream/2016-11-16T20:42:48.104",
      "eventSource": "aws:dynamodb"
    }
  ]
}
