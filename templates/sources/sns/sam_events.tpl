      Events:
        Topic:
          Type: SNS
          Properties:
            Topic: !Ref Topic
