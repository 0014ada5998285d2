
  Stream:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
