use aws_lambda_events::event::s3::{S3Event, S3EventRecord};
