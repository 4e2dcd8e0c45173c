@PRE-1
Feature: Messaging and Application servers failure and restoration
  The source says this failure is similar to an Application server failure, and that information tabs such as
  Case do not load and the agent desktop times out; its restoration is the same as the Application server's. The
  scenarios check the likeness facet by facet: the customer hears of connection issues after a few minutes and
  that the session was lost on restoration, and the agent gets pop-up errors.

  Background: An integrated agent is logged in with an active customer chat session
    Given JDoe logs in
    And the customer starts a chat asking "Help me!"
    And the agent sends "Hello"
    And the customer sends "Hi"

  Rule: The failure looks like an Application server failure

    @MA-F1 @MA-R3 @assumed-a-few-minutes
    Scenario: A customer who wrote during a long outage hears of connection issues, then that the session was lost
      Given the Messaging and Application servers fail
      And the customer sends "Hello?"
      And 5 minutes pass
      When the Messaging and Application servers are restored
      Then the customer is told about connection issues
      And the customer is told the session was lost and asked to start a new chat

    @MA-F1 @assumed-a-few-minutes
    Scenario: The servers come back quickly
      Given the Messaging and Application servers fail
      And 1 minute passes
      When the Messaging and Application servers are restored
      Then the customer is told the session was lost and asked to start a new chat
      And the customer is not told about connection issues

    @MA-F1 @assumed-popup-wording
    Scenario: The agent's message gets a pop-up error
      Given the Messaging and Application servers fail
      When the agent sends "Are you there?"
      Then the agent sees a pop-up error
      And the agent sees the pop-up "The system has encountered a delay. Please try again later."

  Rule: Information tabs do not load, and the agent desktop times out

    @MA-F2
    Scenario: The agent opens the Case tab
      Given the Messaging and Application servers fail
      And the agent opens the Case tab
      When 1 minute passes
      Then the Case tab does not load

    @MA-F3 @assumed-popup-wording
    Scenario: The agent desktop times out
      Given the Messaging and Application servers fail
      And the agent opens the Case tab
      When 1 minute passes
      Then the agent desktop times out
      And the agent sees the pop-up "The agent desktop has timed out waiting for the server."

  @assumed-database-row-survives
  Rule: The database still shows the chat in progress

    Scenario: The open-chats query during the outage
      Given the Messaging and Application servers fail
      When 5 minutes pass
      Then the open-chats query returns:
        | contact_point_data   | activity_id | activity_status | activity_sub_status | user_name |
        | customer@awesome.com | 1000        | 5000            | 5900                | JDoe      |

    Scenario: The open-chats query after the restoration
      Given the Messaging and Application servers fail
      And the Messaging and Application servers are restored
      When JDoe logs back in
      Then the open-chats query returns:
        | contact_point_data   | activity_id | activity_status | activity_sub_status | user_name |
        | customer@awesome.com | 1000        | 5000            | 5900                | JDoe      |

  Rule: The restoration is the same as the Application server's

    @MA-R1 @MA-R3
    Scenario: The customer is told the session has been lost
      Given the Messaging and Application servers fail
      When the Messaging and Application servers are restored
      Then the customer is told the session was lost and asked to start a new chat

    @MA-R1 @MA-R2
    Scenario: The agent logs back in
      Given the Messaging and Application servers fail
      And the Messaging and Application servers are restored
      When JDoe logs back in
      Then the agent sees the pop-up "Session in Progress"

    @MA-R1 @MA-R4
    Scenario: The chat history is gone
      Given the Messaging and Application servers fail
      And the Messaging and Application servers are restored
      When JDoe logs back in
      Then the agent's chat pane is empty

    @MA-R1 @MA-R5 @known-defect
    Scenario: The agent is wrongly told the chat is still active
      Given the Messaging and Application servers fail
      And the Messaging and Application servers are restored
      When JDoe logs back in
      Then the agent is told the chat is still active
      But the customer's chat session has ended
