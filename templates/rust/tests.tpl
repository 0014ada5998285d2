
#[cfg(test)]
mod tests {
    use super::*;
{{#aws}}
    use aws_smithy_mocks::{mock, mock_client, RuleMode};

    /// How many times each mocked AWS operation answers: more than the sample events need.
    const MOCKED_CALLS: usize = 16;
{{/aws}}
{{#event_source.api_gateway_rest}}
{{>rust/test/api_gateway_rest}}
{{/event_source.api_gateway_rest}}
{{#event_source.http}}
{{>rust/test/http}}
{{/event_source.http}}
{{#event_source.s3}}
{{>rust/test/s3}}
{{/event_source.s3}}
{{#event_source.sqs}}
{{>rust/test/sqs}}
{{/event_source.sqs}}
{{#event_source.sns}}
{{>rust/test/sns}}
{{/event_source.sns}}
{{#event_source.dynamodb_stream}}
{{>rust/test/dynamodb_stream}}
{{/event_source.dynamodb_stream}}
{{#event_source.kinesis}}
{{>rust/test/kinesis}}
{{/event_source.kinesis}}
{{#event_source.eventbridge}}
{{>rust/test/eventbridge}}
{{/event_source.eventbridge}}
{{#event_source.direct}}
{{>rust/test/direct}}
{{/event_source.direct}}
{{#blocking}}

    #[test]
    fn the_cpu_step_transforms_its_input() {
        let output = {{#rayon_batch}}transform{{/rayon_batch}}{{^rayon_batch}}transform_all{{/rayon_batch}}(b"hello").expect("the transform succeeds");
        assert_eq!(output, b"HELLO");
    }
{{/blocking}}
}
