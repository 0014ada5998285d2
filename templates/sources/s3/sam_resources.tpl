
  InputBucket:
    Type: AWS::S3::Bucket
