{{#write.s3}}
assert!(put_object.num_calls() > 0, "nothing written to S3");
{{/write.s3}}
{{#write.dynamodb}}
assert!(batch_write_item.num_calls() > 0, "no rows written");
{{/write.dynamodb}}
{{#write.sqs}}
assert!(send_message.num_calls() > 0, "nothing sent");
{{/write.sqs}}
{{#write.sns}}
assert!(publish.num_calls() > 0, "nothing published");
{{/write.sns}}
