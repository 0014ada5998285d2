      Events:
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt Queue.Arn
{{#long_work}}
            # Long work: one message per invocation, so one slow message neither holds
            # others past their visibility timeout nor makes them run again on a retry.
{{/long_work}}
            BatchSize: {{batch_size}}
            # Wait up to this long to fill a batch (0: invoke at once, for latency).
            MaximumBatchingWindowInSeconds: {{#long_work}}0{{/long_work}}{{^long_work}}1{{/long_work}}
            # At most this many concurrent invocations from the queue: protects what the
            # function calls (2 to 1000; raise it knowingly).
            ScalingConfig:
              MaximumConcurrency: 10
{{#batch_failures.yes}}
            # Only the failed messages come back (the handler returns their ids).
            FunctionResponseTypes: [ReportBatchItemFailures]
{{/batch_failures.yes}}
