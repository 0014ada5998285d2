use aws_lambda_events::event::eventbridge::EventBridgeEvent;
