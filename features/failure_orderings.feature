@inferred @assumed-failure-orderings
Feature: Failure orderings the source does not show
  The source shows each combination in one order. The model composes the single-server rules, so any other
  order gives a defined result; these scenarios record a few that support engineers ask about. None of this is
  evidence from the lab: it is what the rules imply.

  Background: An integrated agent is logged in with an active customer chat session
    Given JDoe logs in
    And the customer starts a chat asking "Help me!"
    And the agent sends "Hello"
    And the customer sends "Hi"

  Rule: The Services server, then the Messaging server: the chat survives, as each failure alone lets it

    Scenario: Neither side's messages get through, and the console has no work to offer
      Given the Services server fails
      And the Messaging server fails
      When the customer sends "Hello?"
      Then the customer is told that "Hello?" could not be delivered
      And the agent cannot handle other activities
      And the chat list shows:
        | Chat status              | Icon            |
        | Waiting for you to reply | yellow triangle |

    Scenario: The Messaging server returns first and the chat carries on
      Given the Services server fails
      And the Messaging server fails
      And the Messaging server is restored
      When the agent sends "Back again"
      Then the customer's window ends with:
        """
        JDoe : Back again
        """
      And the customer's chat session is still open
      And the agent cannot handle other activities

  Rule: When the Application server returns before the Messaging server, the customer learns at once

    Scenario: The Application server returns first
      Given the Messaging and Application servers fail
      When the Application server is restored
      Then the customer is told the session was lost and asked to start a new chat

    Scenario: The agent logs back in while the Messaging server is still down
      Given the Messaging and Application servers fail
      And the Application server is restored
      When JDoe logs back in
      Then the agent sees the pop-up "Session in Progress"
      And the chat list shows:
        | Chat status              | Icon            |
        | Waiting for you to reply | yellow triangle |

  @assumed-lost-close
  Rule: A window closed while the Web server is down leaves without a word, and the console finds out by silence
    The source is silent on closing windows: this rule is the model's, assumption lost-close.

    Scenario: The customer closes the window during the outage
      Given the Web server fails
      And the customer closes the chat window
      And the Web server is restored
      When 4 minutes pass
      Then the chat list shows:
        | Chat status            | Icon       |
        | Customer not connected | red square |

  @assumed-web-server-outage
  Rule: A Web server failure cuts both screens off without losing the session
    The source shows no Web server failure: this rule is the model's, assumption web-server-outage.

    Scenario: The Web server comes back within a few minutes
      Given the Web server fails
      And the customer sends "Hello?"
      And 2 minutes pass
      When the Web server is restored
      Then the customer is told that "Hello?" could not be delivered
      And the customer's chat session is still open
      And the agent's chat pane does not show "Customer : Hello?"
