@PRE-1
Feature: Messaging, Application and Services servers failure and restoration
  With all three servers down, everything each failure shows happens together, and time adds more: the chat
  list's triangle turns to a red square, the browser's title bar starts flashing and the customer hears of
  connection issues. The restoration is the Application server's restoration.

  The source's chat list reads the queue as "CM_VMM": OCR noise for CIM_WIM.

  Background: An integrated agent is logged in with an active customer chat session
    Given JDoe logs in
    And the customer starts chat activity 1264 asking "Help me!"
    And the agent sends "Hello"
    And the customer sends "Hi"
    And the agent sends "How can I help?"

  Rule: Everything each server's failure shows happens together

    @ALL-F1
    Scenario: The combination of the single-server failures
      Given the chat has lasted 00:02:00
      And the Messaging, Application and Services servers fail
      When the customer sends "Hello?"
      Then the customer is told the session was lost and asked to start a new chat
      And the agent's chat pane does not show "Customer : Hello?"
      And the agent cannot handle other activities

  Rule: The chat status turns to a triangle, then to "Customer not connected" with a red square

    @ALL-F2
    Scenario: Right after the failure
      Given the chat has lasted 00:02:00
      And the Messaging, Application and Services servers fail
      When the chat has lasted 00:02:05
      Then the chat list shows:
        | Key | Activity ID | Customer name | Activity duration | Chat status                   | Queue name | Icon            |
        | 1   | 1264        | Customer      | 00:02:05          | Waiting for customer to reply | CIM_WIM    | yellow triangle |

    @ALL-F4
    Scenario: Four minutes later
      Given the chat has lasted 00:02:00
      And the Messaging, Application and Services servers fail
      When the chat has lasted 00:06:05
      Then the chat list shows:
        | Key | Activity ID | Customer name | Activity duration | Chat status            | Queue name | Icon       |
        | 1   | 1264        | Customer      | 00:06:05          | Customer not connected | CIM_WIM    | red square |

  Rule: The agent's browser warns that it cannot reach the server

    @ALL-F3
    Scenario: The title bar starts flashing
      Given the chat has lasted 00:02:00
      And the Messaging, Application and Services servers fail
      When the chat has lasted 00:03:00
      Then the browser's title bar flashes "A connection could not be established with the server"

  Rule: The customer is told of connection issues

    @ALL-F5
    Scenario: The customer hears of connection issues
      Given the chat has lasted 00:02:00
      And the Messaging, Application and Services servers fail
      When the chat has lasted 00:05:00
      Then the customer is told about connection issues

  @assumed-database-row-survives
  Rule: The database still shows the chat in progress

    Scenario: The open-chats query during the outage
      Given the chat has lasted 00:02:00
      And the Messaging, Application and Services servers fail
      When the chat has lasted 00:06:05
      Then the open-chats query returns:
        | contact_point_data   | activity_id | activity_status | activity_sub_status | user_name |
        | customer@awesome.com | 1264        | 5000            | 5900                | JDoe      |

    Scenario: The open-chats query after the restoration
      Given the Messaging, Application and Services servers fail
      And the Messaging, Application and Services servers are restored
      When JDoe logs back in
      Then the open-chats query returns:
        | contact_point_data   | activity_id | activity_status | activity_sub_status | user_name |
        | customer@awesome.com | 1264        | 5000            | 5900                | JDoe      |

  Rule: The restoration is the same as the Application server's

    @ALL-R1 @ALL-R3
    Scenario: The customer is told the session has been lost
      Given the Messaging, Application and Services servers fail
      When the Messaging, Application and Services servers are restored
      Then the customer is told the session was lost and asked to start a new chat

    @ALL-R1 @ALL-R2
    Scenario: The agent logs back in
      Given the Messaging, Application and Services servers fail
      And the Messaging, Application and Services servers are restored
      When JDoe logs back in
      Then the agent sees the pop-up "Session in Progress"

    @ALL-R1 @ALL-R4
    Scenario: The chat history is gone
      Given the Messaging, Application and Services servers fail
      And the Messaging, Application and Services servers are restored
      When JDoe logs back in
      Then the agent's chat pane is empty

    @ALL-R1 @ALL-R5 @known-defect
    Scenario: The agent is wrongly told the chat is still active
      Given the Messaging, Application and Services servers fail
      And the Messaging, Application and Services servers are restored
      When JDoe logs back in
      Then the agent is told the chat is still active
      But the customer's chat session has ended
