
#[cfg(test)]
mod tests {
    use super::*;
{{#aws}}
    use aws_smithy_mocks::{mock, mock_client, RuleMode};

    /// How many times each mocked AWS operation answers: more than the sample events need.
    const MOCKED_CALLS: usize = 16;
{{/aws}}
{{>*event_source.test}}
{{#blocking}}

    #[test]
    fn the_cpu_step_transforms_its_input() {
        let output = {{#rayon_batch}}transform{{/rayon_batch}}{{^rayon_batch}}transform_all{{/rayon_batch}}(b"hello").expect("the transform succeeds");
        assert_eq!(output, b"HELLO");
    }
{{/blocking}}
}
