{{! The accept function of the asynchronous split (template.yaml.tpl, under Resources:): the
    API's events, the API's timeout, and the right to send to the worker's queue. }}
  # Accepts each request: queues its body and answers 202 Accepted with the job's id. The
  # API waits at most {{accept.timeout_s}} s; the work takes longer, so WorkerFunction does it.
  AcceptFunction:
    Type: AWS::Serverless::Function
    Metadata:
      BuildMethod: rust-cargolambda
      BuildProperties:
        Binary: accept
    Properties:
      CodeUri: .
      Handler: bootstrap
      Runtime: provided.al2023
{{#architecture.arm64}}
      Architectures: [arm64]
{{/architecture.arm64}}
{{#architecture.x86_64}}
      # x86_64: the native libraries need it (Cargo.toml builds for it too).
      Architectures: [x86_64] # lambda-advisor: allow(x86-deploy)
{{/architecture.x86_64}}
      MemorySize: {{accept.memory_mb}}
      Timeout: {{accept.timeout_s}}
      Environment:
        Variables:
          WORK_QUEUE_URL: !Ref Queue
      Policies:
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Queue.QueueName
{{>*accept.event_source.sam_events}}

  # Does the work of each accepted request, from the queue.
