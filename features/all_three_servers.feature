@PRE-1
Feature: Messaging, Application and Services servers failure and restoration
  The source calls this failure a combination of the scenarios above, and adds what time brings: the chat list's
  triangle turns to a red square, the browser's title bar starts flashing and the customer is informed of
  connection issues. The restoration is the same as the Application server's. The scenarios check the
  combination facet by facet; claims.json says, for each facet of the sections above, whether it holds here or
  why it differs.

  The source's chat list reads the queue as "CM_VMM": OCR noise for CIM_WIM, as "CIM_VMM" and "CIM_w/M" are in
  the other sections.

  Background: An integrated agent is logged in with an active customer chat session
    Given JDoe logs in
    And the customer starts chat activity 1264 asking "Help me!"
    And the agent sends "Hello"
    And the customer sends "Hi"
    And the agent sends "How can I help?"

  Rule: Everything each server's failure shows happens together

    @ALL-F1 @ALL-F5 @ALL-R3
    Scenario: A customer who wrote during the outage hears of connection issues, then that the session was lost
      Given the chat has lasted 00:02:00
      And the Messaging, Application and Services servers fail
      And the customer sends "Hello?"
      And the chat has lasted 00:06:05
      When the Messaging, Application and Services servers are restored
      Then the customer is told about connection issues
      And the customer is told the session was lost and asked to start a new chat
      And the customer's window is the Customer Entry window:
        | Title   | Customer Entry - Mozilla Firefox                                                     |
        | Address | http://43web/system/LiveCustomerServlet.egain?eglvcmd=CustEntry&entryPointName=Integ |
        | Banner  | Live help \| Powered by Cisco Chat™                                                  |

    @ALL-F1 @assumed-a-few-minutes
    Scenario: The servers come back quickly
      Given the Messaging, Application and Services servers fail
      And 1 minute passes
      When the Messaging, Application and Services servers are restored
      Then the customer is told the session was lost and asked to start a new chat
      And the customer is not told about connection issues

    @ALL-F1 @assumed-popup-wording
    Scenario: The agent's message does not get through, and the console has no other work to offer
      Given the chat has lasted 00:02:00
      And the Messaging, Application and Services servers fail
      And the customer sends "Hello?"
      When the agent sends "Are you there?"
      Then the agent sees a pop-up error
      And the agent sees the pop-up "The system has encountered a delay. Please try again later."
      And the agent's chat pane does not show "Customer : Hello?"
      And the agent cannot handle other activities

    @ALL-F1 @assumed-popup-wording
    Scenario: Information tabs do not load, and the agent desktop times out
      Given the Messaging, Application and Services servers fail
      And the agent opens the Case tab
      When 1 minute passes
      Then the Case tab does not load
      And the agent desktop times out
      And the agent sees the pop-up "The agent desktop has timed out waiting for the server."

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

    @ALL-F1
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
