
  Topic:
    Type: AWS::SNS::Topic
