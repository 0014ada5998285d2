      Events:
        Stream:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt Table.StreamArn
            StartingPosition: LATEST
            BatchSize: 100
            MaximumBatchingWindowInSeconds: 1
            # Concurrent batches per shard (1 to 10); order is kept per item.
            ParallelizationFactor: 1
            # A change that keeps failing is retried a few times, then its batch goes to
            # the dead-letter queue (never dropped in silence) and the shard moves on.
            MaximumRetryAttempts: 3
            BisectBatchOnFunctionError: true
            DestinationConfig:
              OnFailure:
                Destination: !GetAtt DeadLetterQueue.Arn
{{#batch_failures.yes}}
            # Retries start from the failed record (the handler returns its sequence number).
            FunctionResponseTypes: [ReportBatchItemFailures]
{{/batch_failures.yes}}
