use aws_lambda_events::event::sns::SnsEvent;
