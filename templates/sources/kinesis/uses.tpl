use aws_lambda_events::event::kinesis::KinesisEvent;
{{#batch_failures.yes}}
use aws_lambda_events::event::streams::{KinesisBatchItemFailure, KinesisEventResponse};
{{/batch_failures.yes}}
