package io.serviceaccountbot.tenant.graph;

/**
 * Request and response examples from Microsoft Graph's v1.0 API reference (learn.microsoft.com/graph/api/…), kept as
 * the pages show them, so the adapter is checked against Microsoft's shapes and not only against the simulator. Where
 * a page shortens its example ("might be shortened for readability"), the added properties are marked and come from
 * the resource's documented properties.
 */
final class MicrosoftDocsExamples {

    private MicrosoftDocsExamples() {}

    /** user-post-users, Example 1 "Create a user": the 201 response. */
    static final String CREATE_USER_RESPONSE = """
            {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
                "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
                "businessPhones": [],
                "displayName": "Adele Vance",
                "givenName": "Adele",
                "jobTitle": "Product Marketing Manager",
                "mail": "AdeleV@contoso.onmicrosoft.com",
                "mobilePhone": "+1 425 555 0109",
                "officeLocation": "18/2111",
                "preferredLanguage": "en-US",
                "surname": "Vance",
                "userPrincipalName": "AdeleV@contoso.onmicrosoft.com"
            }
            """;

    /**
     * user-post-users, Example 1 "Create a user": the request body, with the bot's choices: forceChangePasswordNextSignIn
     * false (the article's procedure), usageLocation (a documented user property, needed before a licence) and
     * passwordPolicies DisablePasswordExpiration (a documented user property, writable on creation: a service account's
     * password must not expire).
     */
    static final String CREATE_USER_REQUEST = """
            {
              "accountEnabled": true,
              "displayName": "Adele Vance",
              "mailNickname": "AdeleV",
              "userPrincipalName": "AdeleV@contoso.onmicrosoft.com",
              "usageLocation": "US",
              "passwordPolicies": "DisablePasswordExpiration",
              "passwordProfile" : {
                "forceChangePasswordNextSignIn": false,
                "password": "xWwvJ]6NMw+bWH-d"
              }
            }
            """;

    /**
     * user-get with {@code $select}: a user with the properties the bot selects. assignedLicenses, assignedPlans and
     * passwordProfile are shaped as on the user-assignlicense, assignedPlan and passwordProfile pages; Graph never
     * returns the password ({@code null}). passwordPolicies is a string ("returned only on $select"), null when the
     * user has none of its own.
     */
    static final String GET_USER_RESPONSE = """
            {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,mailNickname,accountEnabled,usageLocation,passwordProfile,passwordPolicies,assignedLicenses,assignedPlans)/$entity",
                "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
                "displayName": "Adele Vance",
                "userPrincipalName": "AdeleV@contoso.onmicrosoft.com",
                "mailNickname": "AdeleV",
                "accountEnabled": true,
                "usageLocation": "US",
                "passwordProfile": {
                    "password": null,
                    "forceChangePasswordNextSignIn": false,
                    "forceChangePasswordNextSignInWithMfa": false
                },
                "passwordPolicies": null,
                "assignedLicenses": [
                    {
                        "disabledPlans": [],
                        "skuId": "18181a46-0d4e-45cd-891e-60aabd171b4e"
                    }
                ],
                "assignedPlans": [
                    {
                        "assignedDateTime": "2016-10-02T12:13:14Z",
                        "capabilityStatus": "Enabled",
                        "service": "exchange",
                        "servicePlanId": "9aaf7827-d63c-4b61-89c3-182f06f82e5c"
                    },
                    {
                        "assignedDateTime": "2016-10-02T12:13:14Z",
                        "capabilityStatus": "Enabled",
                        "service": "SharePoint",
                        "servicePlanId": "c7699d2e-19aa-44de-8edf-1736da088ca1"
                    }
                ]
            }
            """;

    /** The 404 Graph answers for a user that does not exist (error shape from the "errors" page). */
    static final String USER_NOT_FOUND = """
            {
              "error": {
                "code": "Request_ResourceNotFound",
                "message": "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.",
                "innerError": {
                  "date": "2024-01-01T00:00:00",
                  "request-id": "6c3b7e0a-1b4e-4f1e-9d7e-0a9f2b7e1c11",
                  "client-request-id": "6c3b7e0a-1b4e-4f1e-9d7e-0a9f2b7e1c11"
                }
              }
            }
            """;

    /** user-list: a collection answer ({@code value}), here for a {@code $filter} on mailNickname. */
    static final String LIST_USERS_RESPONSE = """
            {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,mailNickname,accountEnabled,usageLocation,passwordProfile,passwordPolicies,assignedLicenses,assignedPlans)",
                "value": [
                    {
                        "id": "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e",
                        "displayName": "Ciarán O'Brien",
                        "userPrincipalName": "o'brien@contoso.com",
                        "mailNickname": "o'brien",
                        "accountEnabled": true,
                        "usageLocation": "IE",
                        "passwordProfile": null,
                        "assignedLicenses": [],
                        "assignedPlans": []
                    }
                ]
            }
            """;

    /** subscribedsku-list: the response, as the page shows it. */
    static final String SUBSCRIBED_SKUS_RESPONSE = """
            {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscribedSkus",
                "value": [
                    {
                        "accountName": "Sample account One",
                        "accountId": "f97aeefc-af85-414d-8ae4-b457f90efc40",
                        "appliesTo": "User",
                        "capabilityStatus": "Enabled",
                        "consumedUnits": 14,
                        "id": "48a80680-7326-48cd-9935-b556b81d3a4e_c7df2760-2c81-4ef7-b578-5b5392b571df",
                        "prepaidUnits": {
                            "enabled": 25,
                            "lockedOut": 0,
                            "suspended": 0,
                            "warning": 0
                        },
                        "servicePlans": [
                            {
                                "servicePlanId": "8c098270-9dd4-4350-9b30-ba4703f3b36b",
                                "servicePlanName": "ADALLOM_S_O365",
                                "provisioningStatus": "Success",
                                "appliesTo": "Company"
                            }
                        ],
                        "skuId": "c7df2760-2c81-4ef7-b578-5b5392b571df",
                        "skuPartNumber": "ENTERPRISEPREMIUM",
                        "subscriptionIds": ["43d26afe-cb98-48b9-acc4-ae3ef2ac6c51"]
                    },
                    {
                        "accountName": "Sample account Two",
                        "accountId": "ee045480-0260-4c1e-b946-55842502229c",
                        "appliesTo": "User",
                        "capabilityStatus": "Suspended",
                        "consumedUnits": 14,
                        "id": "48a80680-7326-48cd-9935-b556b81d3a4e_d17b27af-3f49-4822-99f9-56a661538792",
                        "prepaidUnits": {
                            "enabled": 0,
                            "lockedOut": 0,
                            "suspended": 25,
                            "warning": 0
                        },
                        "servicePlans": [
                            {
                                "servicePlanId": "f9646fb2-e3b2-4309-95de-dc4833737456",
                                "servicePlanName": "CRMSTANDARD",
                                "provisioningStatus": "Disabled",
                                "appliesTo": "User"
                            }
                        ],
                        "skuId": "d17b27af-3f49-4822-99f9-56a661538792",
                        "skuPartNumber": "CRMSTANDARD",
                        "subscriptionIds": ["15c301e0-c769-4f12-bab1-1e8519a7a6f1"]
                    }
                ]
            }
            """;

    /** user-assignlicense: the response (the page shortens it the same way). */
    static final String ASSIGN_LICENSE_RESPONSE = """
            {
              "accountEnabled": true,
              "assignedLicenses": [
                {
                  "disabledPlans": [],
                  "skuId": "c7df2760-2c81-4ef7-b578-5b5392b571df"
                }
              ],
              "assignedPlans": [
                {
                  "assignedDateTime": "2016-10-02T12:13:14Z",
                  "capabilityStatus": "Enabled",
                  "service": "exchange",
                  "servicePlanId": "efb87545-963c-4e0d-99df-69c6916d9eb0"
                }
              ],
              "businessPhones": [],
              "city": "city-value",
              "companyName": "companyName-value"
            }
            """;

    /** user-get-mailboxsettings, Example 1: the response. */
    static final String MAILBOX_SETTINGS_RESPONSE = """
            {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Me/mailboxSettings",
                "automaticRepliesSetting": {
                    "status": "Scheduled",
                    "externalAudience": "All",
                    "scheduledStartDateTime": {"dateTime": "2016-03-14T07:00:00.0000000", "timeZone": "UTC"},
                    "scheduledEndDateTime": {"dateTime": "2016-03-28T07:00:00.0000000", "timeZone": "UTC"},
                    "internalReplyMessage": "<html>\\n<body>\\n<p>I'm at our company's worldwide reunion.<br>\\n</p></body>\\n</html>\\n",
                    "externalReplyMessage": "<html>\\n<body>\\n<p>I'm at the Contoso worldwide reunion.<br>\\n</p></body>\\n</html>\\n"
                },
                "timeZone":"UTC",
                "language":{"locale":"en-US", "displayName":"English (United States)"},
                "workingHours":{
                    "daysOfWeek":["monday","tuesday","wednesday","thursday","friday"],
                    "startTime": "08:00:00.0000000",
                    "endTime": "17:00:00.0000000",
                    "timeZone":{"name":"Pacific Standard Time"}
                },
                "userPurpose": {"value": "user"},
                "dateFormat": "MM/dd/yyyy",
                "timeFormat": "hh:mm tt",
                "delegateMeetingMessageDeliveryOptions": "sendToDelegateOnly"
            }
            """;

    /** What mailboxSettings answers for a user without a mailbox (yet). */
    static final String MAILBOX_NOT_ENABLED = """
            {
              "error": {
                "code": "MailboxNotEnabledForRESTAPI",
                "message": "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
                "innerError": {
                  "date": "2021-07-29T22:37:40",
                  "request-id": "c4cbd3b2-3560-4ebe-83c4-d8b2adc913cd",
                  "client-request-id": "c4cbd3b2-3560-4ebe-83c4-d8b2adc913cd"
                }
              }
            }
            """;

    /** directoryobject-checkmembergroups, Example 1: the request body. */
    static final String CHECK_MEMBER_GROUPS_REQUEST = """
            {
                "groupIds": [
                    "f448435d-3ca7-4073-8152-a1fd73c0fd09",
                    "bd7c6263-4dd5-4ae8-8c96-556e1c0bece6",
                    "93670da6-d731-4366-94b5-abed40b6016b",
                    "f5484ab1-4d4d-41ec-a9b8-754b3957bfc7",
                    "c9103f26-f3cf-4004-a611-2a14e81b8f79"
                ]
            }
            """;

    /** directoryobject-checkmembergroups, Example 1: the response. */
    static final String CHECK_MEMBER_GROUPS_RESPONSE = """
            {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)",
                "value": [
                    "f448435d-3ca7-4073-8152-a1fd73c0fd09",
                    "93670da6-d731-4366-94b5-abed40b6016b",
                    "f5484ab1-4d4d-41ec-a9b8-754b3957bfc7",
                    "c9103f26-f3cf-4004-a611-2a14e81b8f79"
                ]
            }
            """;

    /**
     * domain-list: the response, with a second domain and {@code isVerified} (a documented domain property the
     * shortened example leaves out).
     */
    static final String DOMAINS_RESPONSE = """
            {
              "value": [
                {
                  "authenticationType": "authenticationType-value",
                  "availabilityStatus": "availabilityStatus-value",
                  "isAdminManaged": true,
                  "isDefault": false,
                  "isInitial": true,
                  "isRoot": true,
                  "isVerified": true,
                  "id": "contoso.onmicrosoft.com",
                  "supportedServices": ["Email", "OfficeCommunicationsOnline"]
                },
                {
                  "authenticationType": "authenticationType-value",
                  "availabilityStatus": "availabilityStatus-value",
                  "isAdminManaged": true,
                  "isDefault": false,
                  "isInitial": false,
                  "isRoot": true,
                  "isVerified": false,
                  "id": "fabrikam.com",
                  "supportedServices": []
                },
                {
                  "authenticationType": "authenticationType-value",
                  "availabilityStatus": "availabilityStatus-value",
                  "isAdminManaged": true,
                  "isDefault": true,
                  "isInitial": false,
                  "isRoot": true,
                  "isVerified": true,
                  "id": "contoso.com",
                  "supportedServices": ["Email", "OfficeCommunicationsOnline"]
                }
              ]
            }
            """;

    /** throttling: the sample 429 response, Retry-After and all. */
    static final String THROTTLED_RESPONSE = """
            {
              "error": {
                "code": "TooManyRequests",
                "innerError": {
                  "code": "429",
                  "date": "2020-08-18T12:51:51",
                  "message": "Please retry after",
                  "request-id": "94fb3b52-452a-4535-a601-69e0a90e3aa2",
                  "status": "429"
                },
                "message": "Please retry again later."
              }
            }
            """;

    /**
     * serviceprincipal-list-approleassignments: the response as the page shows it (an app holding Microsoft Graph's
     * Mail.ReadWrite application permission, e2a3a72e-…).
     */
    static final String LIST_APP_ROLE_ASSIGNMENTS_RESPONSE = """
            {
              "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#appRoleAssignments",
              "value": [
                {
                  "id": "UxOIjjUXr0WvIe4TRFgqTY4z9Wu5KxpBtlEpoTGjw-A",
                  "createdDateTime": "2021-02-02T04:22:45.4980259Z",
                  "appRoleId": "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
                  "principalDisplayName": "dxprovisioning-graphapi-client",
                  "principalId": "8e881353-1735-45af-af21-ee1344582a4d",
                  "principalType": "ServicePrincipal",
                  "resourceDisplayName": "Microsoft Graph",
                  "resourceId": "fea94d6d-b5bf-44d2-a887-4f72a8d74f44"
                }
              ]
            }
            """;

    /**
     * serviceprincipal-get with {@code $select=id,appId,displayName,appRoles}: the resource of the example above,
     * Microsoft Graph, with the app role it names, shaped as the appRole resource page documents it (allowedMemberTypes,
     * description, displayName, id, isEnabled, origin, value); the description is Microsoft's for Mail.ReadWrite.
     */
    static final String GRAPH_RESOURCE_RESPONSE = """
            {
              "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName,appRoles)/$entity",
              "id": "fea94d6d-b5bf-44d2-a887-4f72a8d74f44",
              "appId": "00000003-0000-0000-c000-000000000000",
              "displayName": "Microsoft Graph",
              "appRoles": [
                {
                  "allowedMemberTypes": ["Application"],
                  "description": "Allows the app to create, read, update, and delete mail in all mailboxes without a signed-in user. Does not include permission to send mail.",
                  "displayName": "Read and write mail in all mailboxes",
                  "id": "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
                  "isEnabled": true,
                  "origin": "Application",
                  "value": "Mail.ReadWrite"
                }
              ]
            }
            """;

    /** The 403 Graph answers when the app lacks a permission (error shape from the "errors" page). */
    static final String INSUFFICIENT_PRIVILEGES = """
            {
              "error": {
                "code": "Authorization_RequestDenied",
                "message": "Insufficient privileges to complete the operation.",
                "innerError": {
                  "date": "2024-01-01T00:00:00",
                  "request-id": "0b1d5b1e-7d0a-4c43-9b1a-4b1f8a6c2f10",
                  "client-request-id": "0b1d5b1e-7d0a-4c43-9b1a-4b1f8a6c2f10"
                }
              }
            }
            """;

    /** The conflict Graph answers to a second user with the same userPrincipalName. */
    static final String UPN_CONFLICT = """
            {
              "error": {
                "code": "Request_BadRequest",
                "message": "Another object with the same value for property userPrincipalName already exists.",
                "details": [
                  {
                    "code": "ObjectConflict",
                    "message": "Another object with the same value for property userPrincipalName already exists.",
                    "target": "userPrincipalName"
                  }
                ],
                "innerError": {
                  "date": "2024-01-01T00:00:00",
                  "request-id": "2f1e8c1a-5b7e-4a55-9d55-0d6cf1f5e7a1",
                  "client-request-id": "2f1e8c1a-5b7e-4a55-9d55-0d6cf1f5e7a1"
                }
              }
            }
            """;

    /** What assignLicense answers when the user has no usage location. */
    static final String NO_USAGE_LOCATION = """
            {
              "error": {
                "code": "Request_BadRequest",
                "message": "License assignment cannot be done for user with invalid usage location.",
                "innerError": {
                  "date": "2024-01-01T00:00:00",
                  "request-id": "7a4b2c8d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                  "client-request-id": "7a4b2c8d-0e1f-4a2b-8c3d-4e5f6a7b8c9d"
                }
              }
            }
            """;

    /** What assignLicense answers when every unit of the licence is assigned. */
    static final String NO_UNITS_LEFT = """
            {
              "error": {
                "code": "Request_BadRequest",
                "message": "Subscription with SKU c7df2760-2c81-4ef7-b578-5b5392b571df does not have any available licenses.",
                "innerError": {
                  "date": "2024-01-01T00:00:00",
                  "request-id": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
                  "client-request-id": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
                }
              }
            }
            """;
}
