
#[cfg(test)]
mod tests {
    use super::*;
{{#aws}}
    use aws_smithy_mocks::{mock, mock_client, RuleMode};

    /// How many times each mocked AWS operation answers: more than the sample events need.
    const MOCKED_CALLS: usize = 16;
{{/aws}}
{{#event_source.api_gateway_rest}}
{{>sources/api_gateway_rest/test}}
{{/event_source.api_gateway_rest}}
{{#event_source.http}}
{{>sources/http/test}}
{{/event_source.http}}
{{#event_source.s3}}
{{>sources/s3/test}}
{{/event_source.s3}}
{{#event_source.sqs}}
{{>sources/sqs/test}}
{{/event_source.sqs}}
{{#event_source.sns}}
{{>sources/sns/test}}
{{/event_source.sns}}
{{#event_source.dynamodb_stream}}
{{>sources/dynamodb_stream/test}}
{{/event_source.dynamodb_stream}}
{{#event_source.kinesis}}
{{>sources/kinesis/test}}
{{/event_source.kinesis}}
{{#event_source.eventbridge}}
{{>sources/eventbridge/test}}
{{/event_source.eventbridge}}
{{#event_source.direct}}
{{>sources/direct/test}}
{{/event_source.direct}}
{{#blocking}}

    #[test]
    fn the_cpu_step_transforms_its_input() {
        let output = {{#rayon_batch}}transform{{/rayon_batch}}{{^rayon_batch}}transform_all{{/rayon_batch}}(b"hello").expect("the transform succeeds");
        assert_eq!(output, b"HELLO");
    }
{{/blocking}}
}
