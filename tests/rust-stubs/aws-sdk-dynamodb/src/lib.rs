//! Stub of aws-sdk-dynamodb 1.x (types and signatures only) for offline checks of generated code.
aws_stub_common::client!();

pub mod types {
    /// An attribute value (a subset of the real variants).
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq)]
    pub enum AttributeValue {
        S(String),
        N(String),
        Bool(bool),
        Null(bool),
        L(Vec<AttributeValue>),
        M(std::collections::HashMap<String, AttributeValue>),
    }

    /// One put of a BatchWriteItem; `item` is required, so `build()` can fail.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq)]
    pub struct PutRequest {
        _private: (),
    }
    impl PutRequest {
        pub fn builder() -> builders::PutRequestBuilder {
            unimplemented!()
        }
    }

    /// One request of a BatchWriteItem (a put or a delete).
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq)]
    pub struct WriteRequest {
        _private: (),
    }
    impl WriteRequest {
        pub fn builder() -> builders::WriteRequestBuilder {
            unimplemented!()
        }
    }

    pub mod builders {
        use super::{AttributeValue, PutRequest, WriteRequest};
        use std::collections::HashMap;

        #[derive(Debug, Default)]
        pub struct PutRequestBuilder {
            _private: (),
        }
        impl PutRequestBuilder {
            pub fn item(self, k: impl Into<String>, v: AttributeValue) -> Self {
                let _ = (k.into(), v);
                unimplemented!()
            }
            pub fn set_item(self, item: Option<HashMap<String, AttributeValue>>) -> Self {
                let _ = item;
                unimplemented!()
            }
            pub fn build(self) -> Result<PutRequest, crate::error::BuildError> {
                unimplemented!()
            }
        }

        #[derive(Debug, Default)]
        pub struct WriteRequestBuilder {
            _private: (),
        }
        impl WriteRequestBuilder {
            pub fn put_request(self, put: PutRequest) -> Self {
                let _ = put;
                unimplemented!()
            }
            pub fn build(self) -> WriteRequest {
                unimplemented!()
            }
        }
    }

    impl AttributeValue {
        pub fn as_s(&self) -> Result<&String, &Self> {
            unimplemented!()
        }
        pub fn as_n(&self) -> Result<&String, &Self> {
            unimplemented!()
        }
    }
}

pub mod operation {
    use crate::types::AttributeValue;
    use std::collections::HashMap;

    aws_stub_common::operation!(get_item, get_item, GetItemFluentBuilder,
        GetItemOutput {},
        GetItemError, [table_name: String, consistent_read: bool]);
    aws_stub_common::operation!(batch_write_item, batch_write_item, BatchWriteItemFluentBuilder,
        BatchWriteItemOutput {},
        BatchWriteItemError, []);
    aws_stub_common::operation!(put_item, put_item, PutItemFluentBuilder,
        PutItemOutput {},
        PutItemError, [table_name: String]);

    impl get_item::builders::GetItemFluentBuilder {
        pub fn key(self, k: impl Into<String>, v: AttributeValue) -> Self {
            let _ = (k.into(), v);
            unimplemented!()
        }
    }
    impl put_item::builders::PutItemFluentBuilder {
        pub fn item(self, k: impl Into<String>, v: AttributeValue) -> Self {
            let _ = (k.into(), v);
            unimplemented!()
        }
    }
    impl batch_write_item::builders::BatchWriteItemFluentBuilder {
        /// Appends requests for one table (the real builder's map setter).
        pub fn request_items(self, table: impl Into<String>, requests: Vec<crate::types::WriteRequest>) -> Self {
            let _ = (table.into(), requests);
            unimplemented!()
        }
        pub fn set_request_items(
            self,
            items: Option<HashMap<String, Vec<crate::types::WriteRequest>>>,
        ) -> Self {
            let _ = items;
            unimplemented!()
        }
    }
    impl batch_write_item::BatchWriteItemOutput {
        /// What DynamoDB did not write this time (throttling): send it again.
        pub fn unprocessed_items(&self) -> Option<&HashMap<String, Vec<crate::types::WriteRequest>>> {
            unimplemented!()
        }
    }
    impl get_item::GetItemOutput {
        pub fn item(&self) -> Option<&HashMap<String, AttributeValue>> {
            unimplemented!()
        }
    }
}
