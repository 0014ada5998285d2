{{#event_source.s3}}

use aws_lambda_events::event::s3::{S3Event, S3EventRecord};
{{/event_source.s3}}
{{#event_source.sqs}}

{{#batch_failures.yes}}
use aws_lambda_events::event::sqs::{BatchItemFailure, SqsBatchResponse, SqsEvent};
{{/batch_failures.yes}}
{{^batch_failures.yes}}
use aws_lambda_events::event::sqs::SqsEvent;
{{/batch_failures.yes}}
{{/event_source.sqs}}
{{#event_source.sns}}

use aws_lambda_events::event::sns::SnsEvent;
{{/event_source.sns}}
{{#event_source.dynamodb_stream}}

use aws_lambda_events::event::dynamodb::Event;
{{#batch_failures.yes}}
use aws_lambda_events::event::streams::{DynamoDbBatchItemFailure, DynamoDbEventResponse};
{{/batch_failures.yes}}
{{/event_source.dynamodb_stream}}
{{#event_source.kinesis}}

use aws_lambda_events::event::kinesis::KinesisEvent;
{{#batch_failures.yes}}
use aws_lambda_events::event::streams::{KinesisBatchItemFailure, KinesisEventResponse};
{{/batch_failures.yes}}
{{/event_source.kinesis}}
{{#event_source.eventbridge}}

use aws_lambda_events::event::eventbridge::EventBridgeEvent;
{{/event_source.eventbridge}}
{{#lambda_http}}

use lambda_http::http::Method;
use lambda_http::{service_fn, Body, Error, Request, Response};
{{/lambda_http}}
{{^lambda_http}}
{{#event_source.direct}}

{{/event_source.direct}}
use lambda_runtime::{service_fn, Diagnostic, Error, LambdaEvent};
{{/lambda_http}}
{{#services}}
use std::time::Duration;
{{/services}}
