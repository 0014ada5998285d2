//! Stub of aws_lambda_events 1.1 (types only) for offline checks of generated code. Every
//! event and response struct is `#[non_exhaustive]` with `Default`, as in the real crate;
//! field types are the real ones (chrono dates, serde_dynamo items, `http` headers).
pub use http;

pub mod encodings {
    use serde::{Deserialize, Serialize};
    use std::ops::Deref;

    /// Binary data, base64 in JSON. `#[non_exhaustive]` as in the 1.x crate: code outside the
    /// crate reads it (`Deref`) but cannot build it with `Base64Data(bytes)`.
    /// Base64 in JSON, as the real crate (de)serializes it (working code: a sample event's
    /// Kinesis data parses here as it does there).
    #[non_exhaustive]
    #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
    pub struct Base64Data(
        #[serde(deserialize_with = "deserialize_base64")]
        #[serde(serialize_with = "serialize_base64")]
        pub Vec<u8>,
    );

    fn deserialize_base64<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        base64::decode(text).map_err(serde::de::Error::custom)
    }

    fn serialize_base64<S: serde::Serializer>(data: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::encode(data))
    }

    impl Deref for Base64Data {
        type Target = Vec<u8>;
        fn deref(&self) -> &Vec<u8> {
            &self.0
        }
    }

    /// A request or response body (`lambda_http::Body` is this type).
    #[non_exhaustive]
    #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
    pub enum Body {
        #[default]
        Empty,
        Text(String),
        Binary(Vec<u8>),
    }

    // The conversions and the byte view work as in the real crate (encodings/http.rs), so
    // the generated tests that build requests run: text is `Text`, bytes are `Binary`.
    impl From<String> for Body {
        fn from(text: String) -> Self {
            Body::Text(text)
        }
    }
    impl From<&str> for Body {
        fn from(text: &str) -> Self {
            Body::Text(text.into())
        }
    }
    impl From<Vec<u8>> for Body {
        fn from(bytes: Vec<u8>) -> Self {
            Body::Binary(bytes)
        }
    }
    impl From<&[u8]> for Body {
        fn from(bytes: &[u8]) -> Self {
            Body::Binary(bytes.to_vec())
        }
    }
    impl From<()> for Body {
        fn from(_: ()) -> Self {
            Body::Empty
        }
    }
    impl Deref for Body {
        type Target = [u8];
        fn deref(&self) -> &[u8] {
            self.as_ref()
        }
    }
    impl AsRef<[u8]> for Body {
        fn as_ref(&self) -> &[u8] {
            match self {
                Body::Empty => &[],
                Body::Text(text) => text.as_bytes(),
                Body::Binary(bytes) => bytes,
            }
        }
    }
}

/// The real crate's (de)serializers for `http` types: headers as a JSON object of strings
/// (or lists of strings), the method as its name. Working code, so that a sample event with
/// a bad header or method fails here as it does with the real crate.
#[cfg(feature = "apigw")]
pub(crate) mod custom_serde {
    use http::header::{HeaderName, HeaderValue};
    use http::{HeaderMap, Method};
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::HashMap;

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }

    pub fn deserialize_headers<'de, D: Deserializer<'de>>(d: D) -> Result<HeaderMap, D::Error> {
        let raw: Option<HashMap<String, OneOrMany>> = Option::deserialize(d)?;
        let mut headers = HeaderMap::new();
        for (name, values) in raw.unwrap_or_default() {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(D::Error::custom)?;
            let values = match values {
                OneOrMany::One(v) => vec![v],
                OneOrMany::Many(v) => v,
            };
            for v in values {
                let value = HeaderValue::from_str(&v).map_err(D::Error::custom)?;
                headers.append(name.clone(), value);
            }
        }
        Ok(headers)
    }

    pub fn serialize_headers<S: Serializer>(headers: &HeaderMap, s: S) -> Result<S::Ok, S::Error> {
        let mut map = HashMap::new();
        for (name, value) in headers {
            let value = value.to_str().map_err(serde::ser::Error::custom)?;
            map.insert(name.as_str().to_string(), value.to_string());
        }
        map.serialize(s)
    }

    pub mod http_method {
        use super::*;

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Method, D::Error> {
            let name = String::deserialize(d)?;
            Method::from_bytes(name.as_bytes()).map_err(D::Error::custom)
        }

        pub fn serialize<S: Serializer>(method: &Method, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(method.as_str())
        }
    }
}

pub mod event {
    #[cfg(feature = "apigw")]
    pub mod apigw {
        use crate::encodings::Body;
        use http::{HeaderMap, Method};
        use serde::{Deserialize, Serialize};
        use std::collections::HashMap;

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct ApiGatewayProxyRequest {
            #[serde(default)]
            pub resource: Option<String>,
            #[serde(default)]
            pub path: Option<String>,
            #[serde(with = "crate::custom_serde::http_method")]
            pub http_method: Method,
            #[serde(deserialize_with = "crate::custom_serde::deserialize_headers", default)]
            #[serde(serialize_with = "crate::custom_serde::serialize_headers")]
            pub headers: HeaderMap,
            #[serde(deserialize_with = "crate::custom_serde::deserialize_headers", default)]
            #[serde(serialize_with = "crate::custom_serde::serialize_headers")]
            pub multi_value_headers: HeaderMap,
            #[serde(default)]
            pub query_string_parameters: HashMap<String, String>,
            #[serde(default)]
            pub path_parameters: HashMap<String, String>,
            #[serde(default)]
            pub stage_variables: HashMap<String, String>,
            #[serde(default)]
            pub body: Option<String>,
            #[serde(default)]
            pub is_base64_encoded: bool,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct ApiGatewayProxyResponse {
            pub status_code: i64,
            #[serde(deserialize_with = "crate::custom_serde::deserialize_headers", default)]
            #[serde(serialize_with = "crate::custom_serde::serialize_headers")]
            pub headers: HeaderMap,
            #[serde(deserialize_with = "crate::custom_serde::deserialize_headers", default)]
            #[serde(serialize_with = "crate::custom_serde::serialize_headers")]
            pub multi_value_headers: HeaderMap,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub body: Option<Body>,
            #[serde(default)]
            pub is_base64_encoded: bool,
        }
    }

    #[cfg(feature = "sqs")]
    pub mod sqs {
        use serde::{Deserialize, Serialize};
        use std::collections::HashMap;

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        pub struct SqsEvent {
            #[serde(rename = "Records")]
            pub records: Vec<SqsMessage>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct SqsMessage {
            #[serde(default)]
            pub message_id: Option<String>,
            #[serde(default)]
            pub receipt_handle: Option<String>,
            #[serde(default)]
            pub body: Option<String>,
            #[serde(default)]
            pub attributes: HashMap<String, String>,
            #[serde(default)]
            #[serde(rename = "eventSourceARN")]
            pub event_source_arn: Option<String>,
            #[serde(default)]
            pub aws_region: Option<String>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct SqsBatchResponse {
            pub batch_item_failures: Vec<BatchItemFailure>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct BatchItemFailure {
            pub item_identifier: String,
        }
    }

    #[cfg(feature = "streams")]
    pub mod streams {
        use serde::{Deserialize, Serialize};

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct KinesisEventResponse {
            pub batch_item_failures: Vec<KinesisBatchItemFailure>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct KinesisBatchItemFailure {
            #[serde(default)]
            pub item_identifier: Option<String>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct DynamoDbEventResponse {
            pub batch_item_failures: Vec<DynamoDbBatchItemFailure>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct DynamoDbBatchItemFailure {
            #[serde(default)]
            pub item_identifier: Option<String>,
        }
    }

    #[cfg(feature = "kinesis")]
    pub mod kinesis {
        use crate::encodings::Base64Data;
        use serde::{Deserialize, Serialize};

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        pub struct KinesisEvent {
            #[serde(rename = "Records")]
            pub records: Vec<KinesisEventRecord>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct KinesisEventRecord {
            #[serde(default)]
            #[serde(rename = "eventID")]
            pub event_id: Option<String>,
            #[serde(default)]
            pub event_name: Option<String>,
            #[serde(default)]
            #[serde(rename = "eventSourceARN")]
            pub event_source_arn: Option<String>,
            pub kinesis: KinesisRecord,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct KinesisRecord {
            pub data: Base64Data,
            #[serde(default)]
            pub partition_key: String,
            #[serde(default)]
            pub sequence_number: String,
        }
    }

    #[cfg(feature = "dynamodb")]
    pub mod dynamodb {
        use serde::{Deserialize, Serialize};

        /// The images and keys are serde_dynamo's `Item` (DynamoDB JSON), as in the real crate.
        pub use serde_dynamo::Item;

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        pub struct Event {
            #[serde(rename = "Records")]
            pub records: Vec<EventRecord>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct EventRecord {
            pub aws_region: String,
            #[serde(rename = "dynamodb")]
            pub change: StreamRecord,
            #[serde(rename = "eventID")]
            pub event_id: String,
            pub event_name: String,
            #[serde(default)]
            #[serde(rename = "eventSourceARN")]
            pub event_source_arn: Option<String>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        pub struct StreamRecord {
            #[serde(default)]
            #[serde(rename = "Keys")]
            pub keys: Item,
            #[serde(default)]
            #[serde(rename = "NewImage")]
            pub new_image: Item,
            #[serde(default)]
            #[serde(rename = "OldImage")]
            pub old_image: Item,
            #[serde(default)]
            #[serde(rename = "SequenceNumber")]
            pub sequence_number: Option<String>,
            #[serde(rename = "SizeBytes")]
            pub size_bytes: i64,
        }
    }

    #[cfg(feature = "s3")]
    pub mod s3 {
        use chrono::{DateTime, Utc};
        use serde::{Deserialize, Serialize};

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        pub struct S3Event {
            #[serde(rename = "Records")]
            pub records: Vec<S3EventRecord>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct S3EventRecord {
            #[serde(default)]
            pub event_name: Option<String>,
            pub event_time: DateTime<Utc>,
            pub s3: S3Entity,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct S3Entity {
            pub bucket: S3Bucket,
            pub object: S3Object,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct S3Bucket {
            #[serde(default)]
            pub name: Option<String>,
            #[serde(default)]
            pub arn: Option<String>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct S3Object {
            #[serde(default)]
            pub key: Option<String>,
            pub size: Option<i64>,
            #[serde(default)]
            pub url_decoded_key: Option<String>,
            #[serde(default)]
            pub e_tag: Option<String>,
        }
    }

    #[cfg(feature = "sns")]
    pub mod sns {
        use serde::{Deserialize, Serialize};

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        pub struct SnsEvent {
            #[serde(rename = "Records")]
            pub records: Vec<SnsRecord>,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        pub struct SnsRecord {
            #[serde(rename = "EventSource")]
            pub event_source: String,
            #[serde(rename = "Sns")]
            pub sns: SnsMessage,
        }

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        #[serde(rename_all = "PascalCase")]
        pub struct SnsMessage {
            pub message_id: String,
            pub topic_arn: String,
            #[serde(default)]
            pub subject: Option<String>,
            pub message: String,
        }
    }

    #[cfg(feature = "eventbridge")]
    pub mod eventbridge {
        use serde::{de::DeserializeOwned, Deserialize, Serialize};
        use serde_json::Value;

        #[non_exhaustive]
        #[derive(Clone, Debug, Default, Deserialize, PartialEq, Serialize)]
        #[serde(bound(deserialize = "T1: DeserializeOwned"))]
        #[serde(rename_all = "kebab-case")]
        pub struct EventBridgeEvent<T1 = Value>
        where
            T1: Serialize,
            T1: DeserializeOwned,
        {
            #[serde(default)]
            pub version: Option<String>,
            #[serde(default)]
            pub id: Option<String>,
            pub detail_type: String,
            pub source: String,
            #[serde(default)]
            pub account: Option<String>,
            #[serde(default)]
            pub region: Option<String>,
            #[serde(default)]
            pub resources: Option<Vec<String>>,
            #[serde(bound = "")]
            pub detail: T1,
        }
    }
}
