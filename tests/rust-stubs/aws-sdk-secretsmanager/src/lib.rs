//! Stub of aws-sdk-secretsmanager 1.x (types and signatures only) for offline checks.
aws_stub_common::client!();

pub mod operation {
    aws_stub_common::operation!(get_secret_value, get_secret_value,
        GetSecretValueFluentBuilder,
        GetSecretValueOutput {}, GetSecretValueError,
        [secret_id: String, version_stage: String]);

    impl get_secret_value::GetSecretValueOutput {
        pub fn secret_string(&self) -> Option<&str> {
            unimplemented!()
        }
    }
}

impl operation::get_secret_value::OutputBuilder {
    pub fn secret_string(self, value: impl Into<String>) -> Self {
        let _ = value.into();
        unimplemented!()
    }
}
