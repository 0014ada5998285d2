{{#batch_failures.yes}}
use aws_lambda_events::event::sqs::{BatchItemFailure, SqsBatchResponse, SqsEvent};
{{/batch_failures.yes}}
{{^batch_failures.yes}}
use aws_lambda_events::event::sqs::SqsEvent;
{{/batch_failures.yes}}
