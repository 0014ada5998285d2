//! Stub of aws-sdk-sqs 1.x (types and signatures only) for offline checks of generated code.
aws_stub_common::client!();

pub mod operation {
    aws_stub_common::operation!(send_message, send_message, SendMessageFluentBuilder,
        SendMessageOutput {}, SendMessageError,
        [queue_url: String, message_body: String, message_group_id: String]);

    impl send_message::SendMessageOutput {
        pub fn message_id(&self) -> Option<&str> {
            unimplemented!()
        }
    }
}

impl operation::send_message::OutputBuilder {
    pub fn message_id(self, input: impl Into<String>) -> Self {
        let _ = input.into();
        unimplemented!()
    }
}
