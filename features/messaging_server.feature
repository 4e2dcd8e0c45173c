@PRE-1
Feature: Messaging server failure and restoration
  The source shows agent and customer messages not exchanged while the Messaging server is down, each side told
  so in its own window, and a triangle next to the chat status; once it is back, the messages sent meanwhile are
  lost but the chat is re-established and continues. That chat messages travel through the Messaging server while
  the Application server keeps the session is the model's inference (docs/sources.md).

  The source's chat list reads the queue as "CIM_VMM": OCR noise for CIM_WIM, as "CM_VMM" and "CIM_w/M" are in
  the other sections.

  Background: An integrated agent is logged in with an active customer chat session
    Given JDoe logs in
    And the customer starts a chat asking "Help me!"
    And the agent sends "Hello"
    And the customer sends "Hi"

  Rule: Messages are not exchanged while the Messaging server is down, as after an Application server failure

    @MSG-F2 @MSG-F4
    Scenario: The agent's message does not reach the customer
      Given the chat has lasted 00:03:00
      And the Messaging server fails
      When the agent sends "Are you there?"
      Then the agent's chat pane reads:
        """
        Customer : Help me!
         [An agent will be with you shortly.]
         [You are now chatting with JDoe.]
        JDoe : Hello
        Customer : Hi
        JDoe : Are you there?
         [Some of the above messages may not have been delivered.]
        """
      And the customer's window does not show "JDoe : Are you there?"

    @MSG-F2 @MSG-F5
    Scenario: The customer's message does not reach the agent
      Given the chat has lasted 00:03:00
      And the Messaging server fails
      And the agent sends "Are you there?"
      When the customer sends "Hello?"
      Then the customer's window reads:
        """
        Customer : Help me!
         [An agent will be with you shortly.]
         [You are now chatting with JDoe.]
         JDoe : Hello
         Customer : Hi
         Customer : Hello?
        [The following message could not be delivered. Try to send it again.]
         Hello?
        """
      And the agent's chat pane does not show "Customer : Hello?"

    @MSG-F6
    Scenario: The customer's window is the Customer Entry window
      Given the Messaging server fails
      When the customer sends "Hello?"
      Then the customer's window is the Customer Entry window:
        | Title   | Customer Entry - Mozilla Firefox                                                     |
        | Address | http://43web/system/LiveCustomerServlet.egain?eglvcmd=CustEntry&entryPointName=Integ |
        | Banner  | Live help \| Powered by Cisco Chat™                                                  |

    @MSG-F3
    Scenario: The chat list marks the chat with a triangle
      Given the chat has lasted 00:03:00
      And the Messaging server fails
      And the agent sends "Are you there?"
      And the customer sends "Hello?"
      When the chat has lasted 00:04:00
      Then the chat list shows:
        | Activity duration | Chat status                   | Queue name | Icon            |
        | 00:04:00          | Waiting for customer to reply | CIM_WIM    | yellow triangle |

  @assumed-database-row-survives
  Rule: The database shows the chat in progress throughout

    Scenario: The open-chats query during the outage
      Given the chat has lasted 00:03:00
      And the Messaging server fails
      When the chat has lasted 00:04:00
      Then the open-chats query returns:
        | contact_point_data   | activity_id | activity_status | activity_sub_status | user_name |
        | customer@awesome.com | 1000        | 5000            | 5900                | JDoe      |

    Scenario: The open-chats query once the Messaging server is back
      Given the chat has lasted 00:03:00
      And the Messaging server fails
      And the chat has lasted 00:04:30
      When the Messaging server is restored
      Then the open-chats query returns:
        | contact_point_data   | activity_id | activity_status | activity_sub_status | user_name |
        | customer@awesome.com | 1000        | 5000            | 5900                | JDoe      |

  Rule: Once the Messaging server is back the chat continues, but what was sent meanwhile stays lost

    @MSG-R1 @MSG-R2
    Scenario: Both sides carry on where they left off
      Given the chat has lasted 00:03:00
      And the Messaging server fails
      And the agent sends "Are you there?"
      And the customer sends "Hello?"
      And the chat has lasted 00:04:30
      And the Messaging server is restored
      And the agent sends "Hello?"
      When the customer sends "Hi! Looks like we're connected again!"
      Then the customer's window reads:
        """
        Customer : Help me!
         [An agent will be with you shortly.]
         [You are now chatting with JDoe.]
         JDoe : Hello
         Customer : Hi
         Customer : Hello?
         [The following message could not be delivered. Try to send it again.]
         Hello?
         JDoe : Hello?
         Customer : Hi! Looks like we're connected again!
        """
      And the agent's chat pane reads:
        """
        Customer : Help me!
         [An agent will be with you shortly.]
         [You are now chatting with JDoe.]
        JDoe : Hello
        Customer : Hi
        JDoe : Are you there?
         [Some of the above messages may not have been delivered.]
        JDoe : Hello?
        Customer : Hi! Looks like we're connected again!
        """

    @MSG-R3
    Scenario: The chat list shows a green circle again
      Given the chat has lasted 00:03:00
      And the Messaging server fails
      And the agent sends "Are you there?"
      And the chat has lasted 00:04:30
      And the Messaging server is restored
      And the agent sends "Hello?"
      And the customer sends "Hi! Looks like we're connected again!"
      When the chat has lasted 00:05:00
      Then the chat list shows:
        | Activity duration | Chat status              | Queue name | Icon         |
        | 00:05:00          | Waiting for you to reply | CIM_WIM    | green circle |

  @assumed-long-messaging-outage
  Rule: A customer whose messages cannot get through for more than a few minutes hears of connection issues
    The source does not say what the customer hears during a long Messaging outage. The model gives the
    Application server's notice after the same few minutes (the model parameter messagingConnectionIssuesAfter),
    and keeps the session, which the Application server still holds.

    Scenario: Two minutes into the outage the customer has not been told
      Given the Messaging server fails
      When 2 minutes pass
      Then the customer is not told about connection issues

    Scenario: A long outage: the customer hears of connection issues and keeps the session
      Given the Messaging server fails
      When 10 minutes pass
      Then the customer is told about connection issues
      And the customer's chat session is still open
      And the chat list shows:
        | Chat status              | Icon            |
        | Waiting for you to reply | yellow triangle |

    @MSG-R2
    Scenario: After a long outage the chat still continues
      Given the Messaging server fails
      And 10 minutes pass
      And the Messaging server is restored
      When the customer sends "Still there?"
      Then the agent's chat pane ends with:
        """
        Customer : Still there?
        """
