//! Stub of serde_dynamo 4 (types and signatures only) for offline checks of generated code:
//! what aws_lambda_events uses for DynamoDB stream images.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One attribute in DynamoDB JSON (`{"S": "text"}`, `{"N": "42"}`...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttributeValue {
    N(String),
    S(String),
    #[serde(rename = "BOOL")]
    Bool(bool),
    B(Vec<u8>),
    #[serde(rename = "NULL")]
    Null(bool),
    M(HashMap<String, AttributeValue>),
    L(Vec<AttributeValue>),
    #[serde(rename = "SS")]
    Ss(Vec<String>),
    #[serde(rename = "NS")]
    Ns(Vec<String>),
    #[serde(rename = "BS")]
    Bs(Vec<Vec<u8>>),
}

/// An item: attribute names to values. Not a plain map: read it with `from_item` or
/// convert it with `HashMap::from`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item(HashMap<String, AttributeValue>);

impl From<HashMap<String, AttributeValue>> for Item {
    fn from(map: HashMap<String, AttributeValue>) -> Self {
        Item(map)
    }
}

impl From<Item> for HashMap<String, AttributeValue> {
    fn from(item: Item) -> Self {
        item.0
    }
}

/// serde_dynamo's error.
#[derive(Debug)]
pub struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        unimplemented!()
    }
}
impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Reads an item as a `T`.
pub fn from_item<I, T>(item: I) -> Result<T>
where
    I: Into<Item>,
    T: for<'de> Deserialize<'de>,
{
    let _ = item.into();
    unimplemented!()
}

/// Writes a `T` as an item.
pub fn to_item<T: Serialize, I: From<Item>>(value: T) -> Result<I> {
    let _ = value;
    unimplemented!()
}
