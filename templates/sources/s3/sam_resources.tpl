
  InputBucket:
    Type: AWS::S3::Bucket
    Properties:
      # Named from the parameter, which the function's read policy names too: a !Ref to
      # this bucket there would be a circular dependency (bucket, notification, function).
      BucketName: !Ref EventBucketName
