      Events:
        Rule:
          Type: EventBridgeRule
          Properties:
            Pattern:
              source: [my.application]
