
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      # At least six times the function timeout: a message is not delivered again while
      # its batch still runs.
      VisibilityTimeout: {{sqs_visibility_timeout_s}}
      # A message that fails five times is a poison message: it goes to the dead-letter
      # queue instead of blocking the queue or being dropped.
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn
        maxReceiveCount: 5
