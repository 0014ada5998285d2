use aws_lambda_events::event::dynamodb::Event;
{{#batch_failures.yes}}
use aws_lambda_events::event::streams::{DynamoDbBatchItemFailure, DynamoDbEventResponse};
{{/batch_failures.yes}}
