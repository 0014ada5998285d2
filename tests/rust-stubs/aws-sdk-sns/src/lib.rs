//! Stub of aws-sdk-sns 1.x (types and signatures only) for offline checks of generated code.
aws_stub_common::client!();

pub mod operation {
    aws_stub_common::operation!(publish, publish, PublishFluentBuilder,
        PublishOutput {},
        PublishError, [topic_arn: String, message: String, subject: String]);

    impl publish::PublishOutput {
        pub fn message_id(&self) -> Option<&str> {
            unimplemented!()
        }
    }
}
