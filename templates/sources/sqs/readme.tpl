
Give the queue a visibility timeout of at least {{sqs_visibility_timeout_s}} s, six times the function
timeout, so that a message is not delivered again while its batch is still running.
