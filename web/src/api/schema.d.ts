// GENERATED from the Qunyun API's OpenAPI document (/api/openapi.json) by openapi-typescript: do not edit.
// Regenerate with `npm run build && node scripts/gen-api-types.mjs`; src/http/api-types.test.ts fails when this is stale.

export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the server up: its database dialect and the connectors switched on */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in; whether the owner must still be set up */
        get: operations["getAuthStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the first owner (only while no user exists); signs them in */
        post: operations["postAuthSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in (sets the session cookie) */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (ends the session, clears the cookie) */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users and their roles */
        get: operations["getUsers"];
        put?: never;
        /** Add a user */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user (their tokens are revoked) */
        delete: operations["deleteUsersId"];
        options?: never;
        head?: never;
        /** Change a role, communities, the pii permission or password; disable (ends their sessions) */
        patch: operations["patchUsersId"];
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens (never the secret) */
        get: operations["getTokens"];
        put?: never;
        /** Create an API token; the answer is the only time it is shown */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: operations["deleteTokensId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log: who changed what, when, from where (newest first) */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settings, products and channels */
        get: operations["getWorkspace"];
        /** Change the name, time zone or the dormant (D) and new-customer (N) days; the dashboard cache is dropped when figures change */
        put: operations["putWorkspace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest events (NDJSON, or a JSON array with application/json)
         * @description Each line is validated on its own; good lines are stored even when others are rejected. The reply comes after the accepted events are committed. Duplicates (same platform and id, same body) are counted, conflicts (same platform and id, different body) rejected. For a JSON array, `line` is the 1-based item index. Lines are also accepted as application/ndjson, application/jsonl, text/plain, application/octet-stream. Events: docs/spec/events.md.
         */
        post: operations["postEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/data-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about one person, as JSON (PIPL access request) */
        get: operations["getMembersIdDataExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase one person's personal data (PIPL): names, phone, attributes, tags and message texts become tombstones; figures stay */
        post: operations["postMembersIdErase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members, newest first (an operator: members of their communities; phones masked without pii) */
        get: operations["getMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add or remove tags (recorded as a member.profile event) */
        post: operations["postMembersIdTags"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member: identities, profile, memberships, orders, check-ins, timeline (404 for an operator outside their communities) */
        get: operations["getMembersId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customer groups, the four rates, acquisition, content and conversion figures (docs/spec/metrics.md) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metrics/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mentions of each product in the period (messages naming it; a message naming two counts for both) */
        get: operations["getMetricsProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rfm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFM segments of paying members */
        get: operations["getRfm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rfm/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Paying members with R, F, M and scores (by net paid, largest first) */
        get: operations["getRfmMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cohorts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cohort retention: by week or month of first join, the share still present and the share active in each later period */
        get: operations["getCohorts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Engagement levels (silent / quiet / engaged / fan / ultra) of present members, by active days in the 30 days before */
        get: operations["getEngagement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Community health: members vs capacity, daily active ratio (healthy 10–15%), growth and churn by week, verdict */
        get: operations["getCommunitiesHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Communities with current member counts (an operator: theirs only) */
        get: operations["getCommunities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One community with its blueprint (403 for an operator when it is not theirs) */
        get: operations["getCommunitiesRef"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{ref}/blueprint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the blueprint (validated like qunyun.yaml; a later `qunyun apply` of a file listing the community replaces it again) */
        put: operations["putCommunitiesRefBlueprint"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 003 roles in one community: owner, admin, expert, backbone, mascot, onlooker, lurker, troublemaker */
        get: operations["getRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of one community with their role and the behaviour it was assigned from */
        get: operations["getRolesMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log: every action, why it happened, where it stands */
        get: operations["getActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One action */
        get: operations["getActionsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo: unmute, lift a blacklist, or cancel a pending action */
        post: operations["postActionsIdUndo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead action again */
        post: operations["postActionsIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rules with what each did in the last 7 days */
        get: operations["getRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{key}/toggle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch a rule on or off */
        post: operations["postRulesKeyToggle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the message rules would do with a text */
        post: operations["postRulesTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{key}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay a past period through a rule; nothing is sent */
        post: operations["postRulesKeyDryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{ref}/elimination": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Elimination preview: who falls short of the blueprint today, who revived, where the notice stands */
        get: operations["getCommunitiesRefElimination"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{ref}/elimination/announce": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Announce today's elimination list in the community (starts the notice) */
        post: operations["postCommunitiesRefEliminationAnnounce"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{ref}/elimination/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove those still short once the notice has run */
        post: operations["postCommunitiesRefEliminationExecute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members with community, role, customer group, RFM segment, tags, channel, inviter, first join and first purchase (an operator: their communities; phones masked without pii; audited) */
        get: operations["getExportMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The figures of docs/spec/metrics.md, one row per period (an operator: one of their communities; audited) */
        get: operations["getExportMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import members from a CSV or XLSX body (docs/imports.md)
         * @description Headers in Chinese or English are understood; `map=field=Header` and `ignore=Header` (repeatable) override. Rows are validated one by one: good rows are stored, bad ones listed with row and column. Idempotent: the same body again is all duplicates. The format is recognised from the bytes, whatever the content type.
         */
        post: operations["postImportMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import orders from a CSV or XLSX body (docs/imports.md)
         * @description Headers in Chinese or English are understood; `map=field=Header` and `ignore=Header` (repeatable) override. Rows are validated one by one: good rows are stored, bad ones listed with row and column. Idempotent: the same body again is all duplicates. The format is recognised from the bytes, whatever the content type.
         */
        post: operations["postImportOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Playbooks: steps, next run, sent / queued / skipped */
        get: operations["getPlaybooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/{key}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whom the next occurrence of each step would reach, and the text; nothing is sent */
        post: operations["postPlaybooksKeyPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/faq": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The FAQ knowledge base of each answering rule, with questions answered automatically vs handed to an operator */
        get: operations["getFaq"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Moderation actions (delete, warn, mute, remove, blacklist) with the message text that triggered each */
        get: operations["getModeration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upcoming playbook step runs per local day in [from, to) (at most 62 days; only instants after now); nothing is sent */
        get: operations["getPlaybooksCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @example invalid_request */
                code: string;
                /** @example from: expected YYYY-MM-DD */
                message: string;
                details?: string[];
            };
        };
        AuthStatus: {
            /** @description No user exists yet: the console offers the one-time owner setup */
            setup_required: boolean;
            /** @description The generated demo workspace is loaded */
            demo: boolean;
            /** @description The workspace name */
            workspace: string;
            user: components["schemas"]["SessionUser"];
        };
        /** @description Who is signed in (session cookie or API token); null for nobody */
        SessionUser: {
            id: number;
            username: string;
            /** @enum {string} */
            role: "owner" | "operator" | "analyst";
            /** @description Our community ids an operator acts on (ignored for other roles) */
            communities: number[];
        } | null;
        SignedIn: {
            user: components["schemas"]["SessionUser"];
        };
        SignedOut: {
            /** @enum {boolean} */
            ok: true;
        };
        UserList: {
            items: components["schemas"]["User"][];
        };
        User: {
            id: number;
            username: string;
            /** @enum {string} */
            role: "owner" | "operator" | "analyst";
            /** @description Our community ids an operator acts on (ignored for other roles) */
            communities: number[];
            /** @description A disabled user cannot sign in; their tokens stop working */
            disabled: boolean;
            /** @description Sees phone numbers in full (granted by an owner; owners always do). Without it they are masked: 138****5678 */
            pii: boolean;
            /** @description When the user was added (milliseconds since the epoch) */
            created_at: number;
            /** @description Their last sign-in (milliseconds since the epoch) */
            last_login_at: number | null;
        };
        Removed: {
            /** @enum {boolean} */
            ok: true;
            id: number;
        };
        TokenList: {
            items: components["schemas"]["Token"][];
        };
        Token: {
            id: number;
            name: string;
            /** @description The first characters of the token, to recognise it (the secret is never shown again) */
            prefix: string;
            /** @description The user the token acts for */
            user_id: number;
            username: string;
            /**
             * @description The token's own role, never above its user's
             * @enum {string}
             */
            role: "owner" | "operator" | "analyst";
            /** @description When it was made (milliseconds since the epoch) */
            created_at: number;
            /** @description Last use, to the minute (milliseconds since the epoch) */
            last_used_at: number | null;
            /** @description When it was revoked (milliseconds since the epoch) */
            revoked_at: number | null;
        };
        NewToken: {
            /** @description The secret (qy_…): shown this once, stored only as a hash */
            token: string;
            item: components["schemas"]["Token"];
        };
        AuditPage: {
            total: number;
            page: number;
            page_size: number;
            items: components["schemas"]["AuditEntry"][];
        };
        AuditEntry: {
            id: number;
            /** @description When it happened (milliseconds since the epoch) */
            at: number;
            /** @description The acting user; null for an unknown name (a failed sign-in) */
            user_id: number | null;
            /** @description The user name, or token:NAME (user) for a call with an API token */
            actor: string;
            /** @description The route's audit name (user.create, member.tags, …); `.denied` when refused */
            action: string;
            /** @description What it acted on (the request path, or user N) */
            target: string | null;
            /** @description The HTTP status answered */
            status: number;
            ip: string | null;
            user_agent: string | null;
            /** @description Free-form: the request's JSON body (passwords blanked), or its content type and size, or a refusal's reason; null for none */
            details?: unknown;
        };
        Workspace: {
            name: string;
            /** @description IANA time zone: calendar days, periods and shown instants are in it */
            timezone: string;
            /** @description D: days without activity after which a member counts as dormant */
            dormantDays: number;
            /** @description N: days after a first paid order during which a customer counts as new */
            newCustomerDays: number;
            /** @description The generated demo workspace is loaded */
            demo: boolean;
            products: components["schemas"]["Product"][];
            channels: components["schemas"]["Channel"][];
        };
        Product: {
            key: string;
            name: string;
            /** @description Other names that count as mentions of the product */
            aliases: string[];
            /** @enum {string} */
            tier: "lead" | "entry" | "premium";
            /** @description List price, in minor units (分 for CNY) */
            price: number;
        };
        Channel: {
            key: string;
            name: string;
            /** @description What the channel costs, in minor units (分 for CNY) */
            cost: number;
        };
        IngestSummary: {
            /** @description Events stored by this request */
            accepted: number;
            /** @description Events already in the ledger with the same body */
            duplicates: number;
            /** @description The first 10000 rejections, by line */
            rejected: {
                /** @description The 1-based line (NDJSON) or item index (JSON array) */
                line: number;
                /** @description What is wrong, naming the field */
                reason: string;
            }[];
            /** @description All rejections */
            rejected_count: number;
        };
        /** @description Profile, identities, tags, memberships and spans, orders and refunds, every ledger event, actions, blacklist, strikes, erasure marks */
        MemberDataExport: {
            exported_at: string;
            member: {
                id: number;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        Erasure: {
            /** @description The member erased (after following a merge) */
            member: number;
            /** @description Their identities, now marked erased */
            identities: {
                platform: string;
                id: string;
            }[];
            /** @description Ledger events whose personal fields were blanked now (0 when already erased) */
            events: number;
            /** @description Automation actions about them whose texts were blanked */
            actions: number;
            /** @description When (milliseconds since the epoch) */
            erased_at: number;
        };
        MemberPage: {
            total: number;
            page: number;
            page_size: number;
            items: components["schemas"]["MemberListItem"][];
        };
        MemberListItem: {
            id: number;
            name: string | null;
            phone: string | null;
            tags: string[];
            /** @description First join anywhere; null for a member who never joined (an imported customer) */
            first_join_at: string | null;
            /** @description Channel key of the first join */
            first_channel: string | null;
            /** @description Our id of who invited them the first time */
            first_inviter_id: number | null;
            /** @description Communities they are in now */
            communities: number;
            /**
             * @description Customer group now, in the community asked about or the workspace; null when present nowhere
             * @enum {string|null}
             */
            group: "potential" | "new" | "core" | "dormant" | null;
            /**
             * @description RFM segment now; null without a paid order
             * @enum {string|null}
             */
            rfm_segment: "important_value" | "important_development" | "important_retention" | "important_winback" | "general_value" | "general_development" | "general_retention" | "general_winback" | null;
            /** @description With a group, role or rfm filter: every group they are in, community by community */
            groups?: ("potential" | "new" | "core" | "dormant")[];
            /** @description With a group, role or rfm filter: their roles, community by community */
            roles?: ("owner" | "admin" | "expert" | "backbone" | "mascot" | "onlooker" | "lurker" | "troublemaker")[];
        };
        MemberTags: {
            /** @description The member tagged (after following a merge) */
            id: number;
            /** @description The tags now */
            tags: string[];
        };
        Member: {
            id: number;
            /** @description The id asked for, when it was merged into this member */
            merged_from?: number;
            name: string | null;
            phone: string | null;
            /** @description Has left a phone number */
            lead: boolean;
            /** @description ISO-8601 instant in the workspace zone */
            first_phone_at: string | null;
            tags: string[];
            /** @description Free-form profile attributes (imported columns, platform fields) */
            attributes: {
                [key: string]: string;
            };
            /** @description Their first join anywhere; null if they never joined */
            first_join: {
                /** @description ISO-8601 instant in the workspace zone */
                at: string;
                channel: string | null;
                inviter_id: number | null;
                community_id: number | null;
            } | null;
            /** @description Their ids on each platform */
            identities: {
                platform: string;
                id: string;
            }[];
            memberships: components["schemas"]["Membership"][];
            orders: components["schemas"]["MemberOrder"][];
            checkins: {
                /** @description ISO-8601 instant in the workspace zone */
                at: string;
                challenge: string;
                community_id: number | null;
            }[];
            engagement: {
                /** @description Days with activity in the last 30 whole days */
                active_days: number;
                /** @enum {string} */
                level: "silent" | "quiet" | "engaged" | "fan" | "ultra";
            };
            /**
             * @description Customer group now, in the workspace; null when present nowhere
             * @enum {string|null}
             */
            group: "potential" | "new" | "core" | "dormant" | null;
            /**
             * @description RFM segment now
             * @enum {string|null}
             */
            rfm_segment: "important_value" | "important_development" | "important_retention" | "important_winback" | "general_value" | "general_development" | "general_retention" | "general_winback" | null;
            /** @description Ledger events naming them */
            event_count: number;
            /** @description Their latest events, newest first (timeline_limit) */
            timeline: {
                /** @description ISO-8601 instant in the workspace zone */
                at: string;
                /**
                 * @description The event type (docs/spec/events.md)
                 * @enum {string}
                 */
                type: "community.updated" | "member.joined" | "member.left" | "message.sent" | "checkin.done" | "order.paid" | "order.refunded" | "member.profile" | "member.linked";
                platform: string;
                /** @description The event id */
                id: string;
                community_id: number | null;
                /** @description The event's own fields (without id, type, at and platform): free-form, by type */
                data: {
                    [key: string]: unknown;
                };
            }[];
        };
        Membership: {
            community: {
                id: number;
                platform: string;
                external_id: string;
                name: string | null;
            };
            present: boolean;
            /** @description ISO-8601 instant in the workspace zone */
            first_join_at: string | null;
            first_channel: string | null;
            /** @enum {string|null} */
            first_method: "qr" | "link" | "invited" | "added" | "self" | "unknown" | null;
            inviter_id: number | null;
            joins: number;
            leaves: number;
            /** @description ISO-8601 instant in the workspace zone */
            last_join_at: string | null;
            /** @description ISO-8601 instant in the workspace zone */
            last_left_at: string | null;
            /** @description Joins and leaves in time order */
            history: {
                /** @enum {string} */
                type: "joined" | "left";
                /** @description ISO-8601 instant in the workspace zone */
                at: string;
                /** @description The ledger event */
                event: {
                    platform: string;
                    id: string;
                };
                /** @enum {string|null} */
                method: "qr" | "link" | "invited" | "added" | "self" | "unknown" | null;
                channel: string | null;
                /** @description Platform id of the inviter (joins) */
                inviter: string | null;
                /**
                 * @description Why they left (leaves)
                 * @enum {string|null}
                 */
                reason: "quit" | "removed" | null;
                /** @description Platform id of who removed them (leaves) */
                by: string | null;
            }[];
        };
        MemberOrder: {
            platform: string;
            /** @description The platform's order id */
            order: string;
            /** @description ISO-8601 instant in the workspace zone */
            paid_at: string;
            /** @description Paid, in minor units (分 for CNY) */
            amount: number;
            currency: string;
            product: string | null;
            /** @enum {string|null} */
            tier: "lead" | "entry" | "premium" | null;
            campaign: string | null;
            community_id: number | null;
            /** @description Refunded so far, capped at the amount */
            refunded: number;
            /** @description amount − refunded */
            net: number;
            /** @description ISO-8601 instant in the workspace zone */
            fully_refunded_at: string | null;
            refunds: {
                /** @description ISO-8601 instant in the workspace zone */
                at: string;
                event_id: string;
                /** @description As the refund event says (null: the whole order); may exceed what applied */
                amount: number | null;
            }[];
        };
        Metrics: {
            /** @description Period start, in the workspace zone (ISO with offset) */
            from: string;
            /** @description Period end (exclusive), in the workspace zone (ISO with offset) */
            to: string;
            timezone: string;
            /** @description platform:id of the community, or null for the workspace */
            community: string | null;
            /** @description Customer groups of the members present at `to` (a partition of them) */
            groups: {
                potential: number;
                new: number;
                core: number;
                dormant: number;
            };
            /** @description The four rates of docs/spec/metrics.md; null where the denominator is 0 */
            rates: {
                growth: number | null;
                conversion: number | null;
                churn: number | null;
                reactivation: number | null;
            };
            acquisition: {
                /** @description Members whose first join is in the period */
                new_members: number;
                /** @description New members by first-join channel ("(none)": no channel); zero counts may be left out */
                by_channel: {
                    [key: string]: number;
                };
                /** @description New members who came with an inviter */
                fission_new: number;
                /** @description Invited new members by first-join channel ("(none)": no channel); zero counts may be left out */
                fission_by_channel: {
                    [key: string]: number;
                };
                /** @description Members whose first phone number is in the period */
                leads_new: number;
                /** @description New leads by first-join channel ("(none)": no channel); zero counts may be left out */
                leads_by_channel: {
                    [key: string]: number;
                };
            };
            content: {
                messages: number;
                active_members: number;
                /** @description Messages naming at least one product (a message counts once) */
                product_mentions: number;
                /** @description The most frequent topic terms, most frequent first */
                topics: {
                    term: string;
                    count: number;
                }[];
            };
            conversion: {
                orders: number;
                revenue: number;
                refunds: number;
                /** @description Members whose first paid order is in the period */
                first_buyers: number;
                /** @description First buyers by first-join channel ("(none)": no channel); zero counts may be left out */
                by_channel: {
                    [key: string]: number;
                };
                /** @description Median days from first join to first purchase of the first buyers; null when none joined */
                cycle_days_median: number | null;
            };
        };
        MetricsSeries: {
            /** @description One period per calendar day / ISO week / month overlapping [from, to), clipped to it */
            series: components["schemas"]["Metrics"][];
        };
        ProductMentions: {
            /** @description Period start, in the workspace zone (ISO with offset) */
            from: string;
            /** @description Period end (exclusive), in the workspace zone (ISO with offset) */
            to: string;
            timezone: string;
            /** @description The community as given in the query, or null for the workspace */
            community: string | null;
            /** @description Every product, most mentioned first */
            products: {
                key: string;
                name: string;
                /** @enum {string} */
                tier: "lead" | "entry" | "premium";
                /** @description Messages naming it (a message naming two products counts for both) */
                mentions: number;
            }[];
        };
        Rfm: {
            /** @description The instant asked about, in the workspace zone (ISO with offset) */
            at: string;
            timezone: string;
            /** @description Our community id, or null for the workspace */
            community: number | null;
            /** @description Members with a paid order (not fully refunded) before `at` */
            paying_members: number;
            /** @description Mean R, F and M scores the segments split on; null when nobody paid */
            means: {
                r: number;
                f: number;
                m: number;
            } | null;
            /** @description All eight segments, in a fixed order */
            segments: {
                /** @enum {string} */
                key: "important_value" | "important_development" | "important_retention" | "important_winback" | "general_value" | "general_development" | "general_retention" | "general_winback";
                name_zh: string;
                name_en: string;
                members: number;
                /** @description Share of paying members; null when there are none */
                share: number | null;
                /** @description Net amount the segment paid (refunds taken off) */
                net_paid: number;
            }[];
        };
        RfmMembers: {
            /** @description The instant asked about, in the workspace zone (ISO with offset) */
            at: string;
            page: number;
            page_size: number;
            /** @description By net amount paid, largest first */
            items: {
                member_id: number;
                name: string | null;
                /** @description Last paid order, in the workspace zone */
                last_paid_at: string;
                /** @description Days from the last paid order to `at` */
                recency_days: number;
                /** @description Paid orders */
                frequency: number;
                /** @description Net amount paid */
                monetary: number;
                /** @description Quintile scores, 5 best; ties share a score */
                scores: {
                    r: number;
                    f: number;
                    m: number;
                };
                /** @enum {string} */
                segment: "important_value" | "important_development" | "important_retention" | "important_winback" | "general_value" | "general_development" | "general_retention" | "general_winback";
            }[];
        };
        Cohorts: {
            /** @enum {string} */
            by: "week" | "month";
            /** @description Start asked for, in the workspace zone (ISO with offset) */
            from: string;
            /** @description End asked for (exclusive), in the workspace zone (ISO with offset) */
            to: string;
            timezone: string;
            /** @description Our community id, or null for the workspace */
            community: number | null;
            /** @description One cohort per week or month overlapping [from, to), clipped to it */
            cohorts: {
                /** @description Start of the period of first join, in the workspace zone (ISO with offset) */
                start: string;
                /** @description Members whose first join falls in the period */
                size: number;
                /** @description The cohort’s period and every later one up to `to` */
                periods: {
                    /** @description Periods since the cohort’s own (0 = its own) */
                    index: number;
                    /** @description Period start, in the workspace zone (ISO with offset) */
                    start: string;
                    /** @description Period end (exclusive), in the workspace zone (ISO with offset) */
                    end: string;
                    /** @description Cohort members present at the period’s end */
                    present: number;
                    /** @description Cohort members active in the period */
                    active: number;
                    /** @description present / cohort size; null for an empty cohort */
                    present_share: number | null;
                    /** @description active / cohort size; null for an empty cohort */
                    active_share: number | null;
                }[];
            }[];
        };
        Engagement: {
            /** @description The instant asked about, in the workspace zone (ISO with offset) */
            at: string;
            /** @description The 30 whole local days counted */
            window: {
                from: string;
                to: string;
            };
            timezone: string;
            /** @description Our community id, or null for the workspace */
            community: number | null;
            present_members: number;
            levels: {
                /** @enum {string} */
                key: "silent" | "quiet" | "engaged" | "fan" | "ultra";
                name_zh: string;
                /** @description Active days, inclusive range */
                active_days: [
                    number,
                    number
                ];
                members: number;
                /** @description Share of present members; null when there are none */
                share: number | null;
            }[];
        };
        CommunitiesHealth: {
            /** @description The instant asked about, in the workspace zone (ISO with offset) */
            at: string;
            timezone: string;
            communities: components["schemas"]["CommunityHealth"][];
        };
        CommunityHealth: {
            community: {
                id: number;
                platform: string;
                external_id: string;
                name: string | null;
            };
            /** @description Members present at `at` */
            members: number;
            /** @description From the blueprint; 200 when it gives none */
            capacity: number;
            /** @description members / capacity */
            fill: number;
            /** @description Mean active members a day over the 7 days before `at` */
            daily_active_members: number;
            /** @description daily_active_members / members (healthy: 10–15%); null without members */
            daily_active_ratio: number | null;
            /** @description The 4 weeks before `at`, oldest first */
            weeks: {
                /** @description Week start, in the workspace zone (ISO with offset) */
                from: string;
                /** @description Week end (exclusive), in the workspace zone (ISO with offset) */
                to: string;
                joiners: number;
                churned: number;
                /** @description joiners / present at the start; null when nobody was present at the start */
                growth: number | null;
                /** @description churned / present at the start; null when nobody was present at the start */
                churn: number | null;
            }[];
            verdict: {
                /**
                 * @description healthy: no issue; watch: one; unhealthy: more
                 * @enum {string}
                 */
                status: "healthy" | "watch" | "unhealthy";
                /** @enum {string} */
                size: "ok" | "small" | "over_capacity";
                /** @enum {string} */
                activity: "silent" | "low" | "healthy" | "lively";
                /**
                 * @description From the last two weeks
                 * @enum {string}
                 */
                trend: "growing" | "flat" | "shrinking";
                zh: string;
                en: string;
            };
        };
        CommunityList: {
            items: components["schemas"]["Community"][];
        };
        Community: {
            /** @description Our community id */
            id: number;
            platform: string;
            /** @description The platform's id of the group */
            external_id: string;
            /** @description The name in qunyun.yaml, else the latest name the platform reported */
            name: string | null;
            /** @description The platform id of the group owner, as last reported */
            owner: string | null;
            /** @description Platform ids of the admins, as last reported */
            admins: string[];
            /** @description Members present now */
            members: number;
            /** @description The blueprint's capacity; null without a blueprint */
            capacity: number | null;
            blueprint: components["schemas"]["Blueprint"];
        };
        /** @description How the community is run (qunyun.yaml `communities:` without key, platform and name) */
        Blueprint: {
            goal?: string;
            persona?: string;
            benefits?: {
                content?: string[];
                social?: string[];
                service?: string[];
            };
            gates?: {
                /** @enum {string} */
                type: "price" | "identity" | "action";
                description?: string;
                product?: string;
                amount?: number;
                tags?: string[];
                action?: string;
            }[];
            rules?: string[];
            announcement?: string;
            capacity: number;
            period?: {
                days?: number;
                start?: string;
                end?: string;
            };
            elimination?: {
                minCheckins?: number;
                withinDays?: number;
                silentDays?: number;
                noticeDays?: number;
                schedule?: string;
            };
            revival?: {
                checkins?: number;
                product?: string;
                task?: string;
            };
        } | null;
        BlueprintAnswer: {
            blueprint: components["schemas"]["Blueprint"];
        };
        /** @description How the community is run (qunyun.yaml `communities:` without key, platform and name) */
        BlueprintInput: {
            goal?: string;
            persona?: string;
            benefits?: {
                content?: string[];
                social?: string[];
                service?: string[];
            };
            gates?: {
                /** @enum {string} */
                type: "price" | "identity" | "action";
                description?: string;
                product?: string;
                amount?: number;
                tags?: string[];
                action?: string;
            }[];
            rules?: string[];
            announcement?: string;
            /** @default 200 */
            capacity?: number;
            period?: {
                days?: number;
                start?: string;
                end?: string;
            };
            elimination?: {
                minCheckins?: number;
                withinDays?: number;
                silentDays?: number;
                noticeDays?: number;
                schedule?: string;
            };
            revival?: {
                checkins?: number;
                product?: string;
                task?: string;
            };
        };
        Roles: {
            /** @description The instant asked about, in the workspace zone (ISO with offset) */
            at: string;
            /** @description The behaviour counted: the workspace’s dormantDays before `at` */
            window: {
                from: string;
                to: string;
            };
            timezone: string;
            community: {
                id: number;
                platform: string;
                external_id: string;
                /** @description Its name in qunyun.yaml, else on the platform */
                name: string | null;
            };
            /** @description Members with a role: present at `at`, or removed in the window */
            members: number;
            /** @description The thresholds the roles are assigned by (docs/metrics.md, "Roles") */
            rules: {
                expertRepliesReceived: number;
                backboneMessages: number;
                backboneRepliesReceived: number;
                mascotPartners: number;
                mascotRepliesGiven: number;
                onlookerMessages: number;
                onlookerCheckins: number;
            };
            /** @description All eight roles, by precedence */
            roles: {
                /** @enum {string} */
                key: "owner" | "admin" | "expert" | "backbone" | "mascot" | "onlooker" | "lurker" | "troublemaker";
                name_zh: string;
                name_en: string;
                members: number;
                /** @description Share of members; null when there are none */
                share: number | null;
            }[];
        };
        RoleMembers: {
            /** @description The instant asked about, in the workspace zone (ISO with offset) */
            at: string;
            community: {
                id: number;
                platform: string;
                external_id: string;
                /** @description Its name in qunyun.yaml, else on the platform */
                name: string | null;
            };
            /** @description Members matching (all pages) */
            total: number;
            page: number;
            page_size: number;
            /** @description By role precedence, then most messages first */
            items: {
                member_id: number;
                name: string | null;
                /** @enum {string} */
                role: "owner" | "admin" | "expert" | "backbone" | "mascot" | "onlooker" | "lurker" | "troublemaker";
                /**
                 * @description Owner or admin on the platform, else null
                 * @enum {string|null}
                 */
                platform_role: "owner" | "admin" | null;
                messages: number;
                /** @description Their messages replying to someone else */
                replies_given: number;
                /** @description Others’ messages replying to theirs */
                replies_received: number;
                /** @description Distinct members they replied to, were replied to by, mentioned or were mentioned by */
                partners: number;
                checkins: number;
                /** @description Times removed from the community in the window */
                removals: number;
            }[];
        };
        Actions: {
            /** @description Matching actions, all pages */
            total: number;
            page: number;
            page_size: number;
            /** @description Every action by status, whatever the filters */
            by_status: {
                pending?: number;
                sending?: number;
                done?: number;
                dead?: number;
                undone?: number;
                skipped?: number;
            };
            /** @description Newest first */
            items: components["schemas"]["Action"][];
        };
        Action: {
            id: number;
            /** @description What proposed it: a rule key, playbook:KEY/STEP, elimination:COMMUNITY, (blacklist) */
            rule: string;
            /** @enum {string} */
            kind: "delete" | "warn" | "mute" | "remove" | "blacklist" | "send" | "reply" | "tag" | "notify" | "approve" | "decline" | "unmute" | "unblacklist";
            platform: string;
            /**
             * @description pending → sending → done, or dead after the last failed attempt; undone; skipped (a missed playbook step)
             * @enum {string}
             */
            status: "pending" | "sending" | "done" | "dead" | "undone" | "skipped";
            community_id: number | null;
            member_id: number | null;
            member_name: string | null;
            /** @description The ledger event that triggered it, if any */
            event_id: string | null;
            /** @description When that event happened, or the playbook occurrence (ISO, UTC) */
            event_at: string | null;
            /** @description What is sent, by kind: { text }, { seconds }, { tag }, { step }, … */
            payload: {
                [key: string]: unknown;
            };
            /** @description Why: { hits, detail } for rules; occurrence and outcome for playbook steps */
            reason: {
                [key: string]: unknown;
            };
            attempts: number;
            /** @description When it is (or was) due (ISO, UTC) */
            due_at: string;
            /** @description The platform’s answer to the last failed attempt */
            last_error: string | null;
            /** @description The action this one undoes (unmute, unblacklist) */
            undo_of: number | null;
            /** @description Created (ISO, UTC) */
            created_at: string;
            /** @description Last changed (ISO, UTC) */
            updated_at: string;
        };
        Rules: {
            /** @description Events older than this when they arrive trigger no live action */
            fresh_minutes: number;
            /** @description Word lists: how many words each holds */
            lists: {
                [key: string]: number;
            };
            ladders: {
                [key: string]: (("warn" | "remove" | "blacklist") | string)[];
            };
            rules: {
                key: string;
                /** @enum {string} */
                on: "message" | "join" | "leave" | "contact" | "request";
                /** @description As configured, or as an operator switched it */
                enabled: boolean;
                description: string | null;
                /** @description Community keys it applies to; null: every community */
                communities: string[] | null;
                match: {
                    words?: string[];
                    links?: boolean;
                    phones?: boolean;
                    wechatIds?: boolean;
                    kinds?: ("text" | "image" | "link" | "file" | "voice" | "video" | "card" | "other")[];
                    flood?: {
                        messages: number;
                        seconds: number;
                    };
                } | null;
                actions: (("delete" | "strike" | "warn" | "remove" | "blacklist" | "notify" | "answer" | "approve" | "decline") | {
                    send: string;
                } | {
                    reply: string;
                } | {
                    warn: string;
                } | {
                    mute: string;
                } | {
                    tag: string;
                } | {
                    notify: string;
                })[];
                ladder: string | null;
                /** @description Actions it proposed in the last 7 days, by kind */
                last_7_days: {
                    [key: string]: number;
                };
                /** @description Only for rules that answer questions */
                answered_share?: number | null;
            }[];
        };
        RuleToggle: {
            key: string;
            enabled: boolean;
        };
        RuleTest: {
            text: string;
            /** @description What the message rules would do, rule by rule */
            actions: {
                rule: string;
                /** @enum {string} */
                kind: "delete" | "warn" | "mute" | "remove" | "blacklist" | "send" | "reply" | "tag" | "notify" | "approve" | "decline" | "unmute" | "unblacklist";
                /** @description What would be sent (send, reply, warn, notify) */
                text?: string;
                /** @description Mute length */
                seconds?: number;
                tag?: string;
                /** @description Strikes: the ladder step taken (1 = first strike) */
                step?: number;
                /** @description What in the message matched */
                hits: {
                    /** @description words:LIST, link, phone, wechat_id, kind:KIND or flood */
                    what: string;
                    matched: string;
                    /** @description Offset in the text (UTF-16 units) */
                    start: number;
                    end: number;
                    /** @description The list word matched (words:… hits) */
                    word?: string;
                }[];
                detail?: string;
            }[];
        };
        DryRun: {
            rule: string;
            /** @description ISO, UTC */
            from: string;
            /** @description ISO, UTC (exclusive) */
            to: string;
            events_scanned: number;
            /** @description Actions it would have proposed, by kind */
            actions: {
                [key: string]: number;
            };
            /** @description Members who would have taken at least one strike */
            members_struck: number;
            /** @description The first proposals, up to `sample` */
            samples: {
                rule: string;
                /** @enum {string} */
                kind: "delete" | "warn" | "mute" | "remove" | "blacklist" | "send" | "reply" | "tag" | "notify" | "approve" | "decline" | "unmute" | "unblacklist";
                /** @description What would be sent (send, reply, warn, notify) */
                text?: string;
                /** @description Mute length */
                seconds?: number;
                tag?: string;
                /** @description Strikes: the ladder step taken (1 = first strike) */
                step?: number;
                /** @description What in the message matched */
                hits: {
                    /** @description words:LIST, link, phone, wechat_id, kind:KIND or flood */
                    what: string;
                    matched: string;
                    /** @description Offset in the text (UTF-16 units) */
                    start: number;
                    end: number;
                    /** @description The list word matched (words:… hits) */
                    word?: string;
                }[];
                detail?: string;
                /** @description When the event happened (ISO, UTC) */
                at: string;
                member_id: number;
                event_id: string;
            }[];
        };
        Elimination: {
            community: {
                id: number;
                platform: string;
                external_id: string;
                name: string | null;
            };
            /** @description The instant judged (ISO, UTC) */
            at: string;
            rule: {
                minCheckins?: number;
                withinDays?: number;
                silentDays?: number;
                noticeDays?: number;
                schedule?: string;
            };
            revival: {
                checkins?: number;
                product?: string;
                task?: string;
            } | null;
            /** @description Members present now */
            present: number;
            /** @description The latest announcement still standing (not undone, skipped or dead); null when none */
            notice: {
                /** @description The announcement (a send action) */
                action_id: number;
                /** @description When the notice started: when the announcement went out, or was queued if it has not yet (ISO, UTC) */
                announced_at: string;
                /** @description When the list can be carried out (ISO, UTC) */
                execute_from: string;
                /** @description When it was carried out (ISO, UTC) */
                executed_at: string | null;
                /** @description Whether the announcement has gone out */
                delivered: boolean;
            } | null;
            /** @description Who falls short today, and why */
            candidates: {
                member_id: number;
                name: string | null;
                reasons: string[];
            }[];
            /** @description Who fell short but revived during the notice */
            revived: {
                member_id: number;
                name: string | null;
                reason: string;
            }[];
        };
        EliminationDone: components["schemas"]["Elimination"] & {
            /** @description Removals queued: those on the announced list still short */
            removed: number;
        };
        ImportSummary: {
            /** @description Data rows read (the header row not counted) */
            read: number;
            /** @description Events stored */
            accepted: number;
            /** @description Events already in the ledger (the same body imported before) */
            duplicates: number;
            /** @description Events that passed validation in a dry run (nothing written) */
            valid: number;
            /** @description The first rejections, by row */
            rejected: {
                /** @description The spreadsheet row (the header is row 1) */
                row?: number;
                /** @description The header of the column at fault */
                column?: string;
                reason: string;
            }[];
            rejected_count: number;
            /** @description Messages edited since an earlier import, kept in their first version (Telegram exports; 0 for tables) */
            skipped: number;
            /** @description Remarks on rows that were still imported, grouped ("3 rows (first: row 4): a join time but no community…") */
            notes: string[];
            dry_run: boolean;
        };
        Playbooks: {
            /** @description The instant asked about (ISO, UTC) */
            at: string;
            timezone: string;
            campaigns: {
                [key: string]: string;
            };
            playbooks: {
                key: string;
                description: string | null;
                /**
                 * @description dormant: starts for each member who turns dormant; null: runs on its steps’ timings
                 * @enum {string|null}
                 */
                on: "dormant" | null;
                enabled: boolean;
                /** @description platform:key of every community it covers */
                communities: string[];
                target: {
                    tags?: string[];
                    tiers?: ("lead" | "entry" | "premium")[];
                    groups?: ("potential" | "new" | "core" | "dormant")[];
                } | null;
                /** @enum {string} */
                missed: "late" | "skip";
                grace_minutes: number;
                /** @description Playbooks on dormant: members it has started for */
                started?: number;
                steps: {
                    key: string;
                    /** @enum {string} */
                    runs: "cron" | "afterJoin" | "afterCampaign" | "afterStart";
                    /** @description The step’s cron, or its afterJoin / afterCampaign / afterStart setting */
                    timing: string | {
                        days: number;
                        at: string;
                    } | {
                        campaign: string;
                        days: number;
                        at: string;
                    };
                    /**
                     * @description community: posted in each community; member: a private message to each member
                     * @enum {string}
                     */
                    to: "community" | "member";
                    /** @description The message template */
                    send: string | null;
                    tag: string | null;
                    /** @description Next occurrence (per-member steps: the earliest within 35 days); null when none (ISO, UTC) */
                    next_run: string | null;
                    /** @description When the scheduler last ran it (ISO, UTC) */
                    last_run_at: string | null;
                    /** @description Its actions by outcome */
                    counts: {
                        sent: number;
                        queued: number;
                        skipped: number;
                        dead: number;
                        undone: number;
                    };
                }[];
            }[];
        };
        PlaybookPreview: {
            playbook: string;
            /** @description The instant previewed from (ISO, UTC) */
            at: string;
            /** @description What the preview cannot show (playbooks on dormant) */
            note?: string;
            steps: ({
                key: string;
                /** @enum {string} */
                to: "community";
                /** @description The next occurrence; null when none (ISO, UTC) */
                next_at: string | null;
                /** @description Communities it would reach */
                total: number;
                sends: {
                    /** @description When (ISO, UTC) */
                    at: string;
                    /** @description platform:key */
                    community: string;
                    community_name: string;
                    /** @description The message as it would be sent; null for a step that only tags */
                    text: string | null;
                }[];
            } | {
                key: string;
                /** @enum {string} */
                to: "member";
                /** @description The earliest occurrence in the window; null when none (ISO, UTC) */
                next_at: string | null;
                /** @description The days looked at (ISO, UTC) */
                window: {
                    from: string;
                    to: string;
                };
                /** @description Occurrences in the window */
                total: number;
                /** @description The first `limit`, soonest first */
                sends: {
                    /** @description When (ISO, UTC) */
                    at: string;
                    member_id: number;
                    member_name: string | null;
                    /** @description platform:key */
                    community: string;
                    /** @description The message as it would be sent; null for a step that only tags */
                    text: string | null;
                    tag: string | null;
                }[];
            })[];
        };
        Faq: {
            days: number;
            /** @description Questions answered automatically in the last `days` days */
            answered: number;
            /** @description Questions handed to an operator */
            handed_over: number;
            /** @description Questions answered automatically / all questions (answered or handed to an operator); null when there were none */
            answered_share: number | null;
            /** @description Every rule with FAQ entries */
            rules: {
                key: string;
                description: string | null;
                enabled: boolean;
                /** @description Community keys it applies to; null: every community */
                communities: string[] | null;
                /** @description Match score below which a question goes to an operator */
                threshold: number | null;
                entries: {
                    index: number;
                    question: string;
                    keywords: string[];
                    answer: string;
                }[];
                answered: number;
                handed_over: number;
                /** @description Questions answered automatically / all questions (answered or handed to an operator); null when there were none */
                answered_share: number | null;
            }[];
        };
        Moderation: {
            /** @description Matching actions, all pages */
            total: number;
            page: number;
            page_size: number;
            /** @description Every moderation action by kind, whatever the filters */
            by_kind: {
                delete?: number;
                warn?: number;
                mute?: number;
                remove?: number;
                blacklist?: number;
            };
            /** @description Newest first */
            items: (components["schemas"]["Action"] & {
                /** @description The triggering message’s text; null when the event is gone or had none */
                message_text: string | null;
            })[];
        };
        PlaybookCalendar: {
            timezone: string;
            /** @description Start asked for (ISO, UTC) */
            from: string;
            /** @description End asked for (exclusive) (ISO, UTC) */
            to: string;
            /** @description Now: only runs after it are listed (ISO, UTC) */
            at: string;
            /** @description Days with at least one run, in order */
            days: {
                /** @description Local date, YYYY-MM-DD */
                date: string;
                /** @description Soonest first */
                runs: {
                    playbook: string;
                    step: string;
                    /**
                     * @description community: posted in each community; member: a private message to each member
                     * @enum {string}
                     */
                    to: "community" | "member";
                    /** @description The day’s first run of the step (ISO, UTC) */
                    first_at: string;
                    /** @description Community steps: communities reached; per-member steps: members */
                    count: number;
                    /** @description The message template */
                    send: string | null;
                }[];
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                        /** @enum {string} */
                        dialect: "sqlite" | "postgres";
                        connectors: string[];
                    };
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthStatus"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Letters of any script, digits and . _ @ - (1–64)
                     * @example 张三
                     */
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The new owner, signed in (session cookie set) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community, or a change from another site (Origin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Letters of any script, digits and . _ @ - (1–64)
                     * @example 张三
                     */
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in (session cookie set) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong username or password, or a disabled user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community, or a change from another site (Origin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-ins for this name or address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedOut"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community, or a change from another site (Origin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Letters of any script, digits and . _ @ - (1–64)
                     * @example 张三
                     */
                    username: string;
                    password: string;
                    /** @enum {string} */
                    role: "owner" | "operator" | "analyst";
                    /** @description Our community ids an operator acts on */
                    communities?: number[];
                    /** @description Sees phone numbers in full (owners always do); default false */
                    pii?: boolean;
                };
            };
        };
        responses: {
            /** @description The new user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUsersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our id of the user or token */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Removed"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchUsersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our id of the user or token */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role?: "owner" | "operator" | "analyst";
                    /** @description Our community ids an operator acts on */
                    communities?: number[];
                    password?: string;
                    disabled?: boolean;
                    /** @description Sees phone numbers in full (owners always do); default false */
                    pii?: boolean;
                };
            };
        };
        responses: {
            /** @description The user now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * @description Capped at your own role
                     * @enum {string}
                     */
                    role: "owner" | "operator" | "analyst";
                };
            };
        };
        responses: {
            /** @description The token, with its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewToken"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTokensId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our id of the user or token */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Removed"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                actor?: string;
                action?: string;
                /** @description The page, from 1 */
                page?: number;
                /** @description Items per page, at most 500 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    timezone?: string;
                    dormantDays?: number;
                    newCustomerDays?: number;
                };
            };
        };
        responses: {
            /** @description The workspace now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": string;
                "application/json": {
                    [key: string]: unknown;
                }[] | {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Ingest summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestSummary"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMembersIdDataExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our member id (a merged id is followed) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDataExport"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMembersIdErase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our member id (a merged id is followed) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was erased */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMembers: {
        parameters: {
            query?: {
                /** @description Our community id (or id:N), platform:id, or a platform id */
                community?: string;
                /** @description Only members currently in the community (or in any) */
                present?: "true" | "false";
                tag?: string;
                /** @description First-join channel key; "(none)" for none */
                channel?: string;
                /** @description Text search in name and phone (a whole phone number only, without `pii`) */
                q?: string;
                /** @description Members with a paid order of this tier */
                tier?: "lead" | "entry" | "premium";
                /** @description Customer group now (docs/spec/metrics.md), in the community or the workspace */
                group?: "potential" | "new" | "core" | "dormant";
                /** @description Community role now (in the community, or in any) */
                role?: "owner" | "admin" | "expert" | "backbone" | "mascot" | "onlooker" | "lurker" | "troublemaker";
                /** @description RFM segment now */
                rfm?: "important_value" | "important_development" | "important_retention" | "important_winback" | "general_value" | "general_development" | "general_retention" | "general_winback";
                /** @description The page, from 1 */
                page?: number;
                /** @description Items per page, at most 500 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMembersIdTags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our member id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    add?: string[];
                    remove?: string[];
                };
            };
        };
        responses: {
            /** @description The tags now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberTags"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMembersId: {
        parameters: {
            query?: {
                /** @description Latest events in the timeline */
                timeline_limit?: number;
            };
            header?: never;
            path: {
                /** @description Our member id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member (followed to the member it was merged into) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query: {
                /** @description Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset */
                from: string;
                /** @description End (exclusive), same forms */
                to: string;
                /** @description Our community id (or id:N), platform:id, or a platform id */
                community?: string;
                /** @description Answer a series of calendar periods */
                by?: "day" | "week" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures of the period, or { series } with by= */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Metrics"] | components["schemas"]["MetricsSeries"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetricsProducts: {
        parameters: {
            query: {
                /** @description Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset */
                from: string;
                /** @description End (exclusive), same forms */
                to: string;
                /** @description Our community id (or id:N), platform:id, or a platform id */
                community?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mentions per product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductMentions"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRfm: {
        parameters: {
            query?: {
                /** @description As of this date (workspace zone) or instant; default now */
                at?: string;
                /** @description Only orders of this community */
                community?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Segments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rfm"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRfmMembers: {
        parameters: {
            query?: {
                /** @description As of this date (workspace zone) or instant; default now */
                at?: string;
                /** @description Only orders of this community */
                community?: string;
                /** @description Only this segment (its key) */
                segment?: string;
                /** @description The page, from 1 */
                page?: number;
                /** @description Items per page, at most 500 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Scored members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RfmMembers"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCohorts: {
        parameters: {
            query: {
                /** @description Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset */
                from: string;
                /** @description End (exclusive), same forms */
                to: string;
                by?: "week" | "month";
                /** @description Our community id (or id:N), platform:id, or a platform id */
                community?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cohorts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cohorts"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEngagement: {
        parameters: {
            query?: {
                /** @description As of this date (workspace zone) or instant; default now */
                at?: string;
                /** @description Our community id (or id:N), platform:id, or a platform id */
                community?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Levels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Engagement"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommunitiesHealth: {
        parameters: {
            query?: {
                /** @description As of this date (workspace zone) or instant; default now */
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Health of every community */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunitiesHealth"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommunities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Communities */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityList"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommunitiesRef: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our community id (or id:N), platform:id, or a platform id one platform uses */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Community"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putCommunitiesRefBlueprint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our community id (or id:N), platform:id, or a platform id one platform uses */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    blueprint: components["schemas"]["BlueprintInput"];
                };
            };
        };
        responses: {
            /** @description The blueprint now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlueprintAnswer"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRoles: {
        parameters: {
            query?: {
                /** @description The community (id or platform:id); required */
                community?: string;
                /** @description As of this date (workspace zone) or instant; default now */
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Role counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roles"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRolesMembers: {
        parameters: {
            query?: {
                /** @description The community (id or platform:id); required */
                community?: string;
                /** @description As of this date (workspace zone) or instant; default now */
                at?: string;
                /** @description Only this role (its key) */
                role?: string;
                /** @description The page, from 1 */
                page?: number;
                /** @description Items per page, at most 500 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Members with their role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleMembers"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getActions: {
        parameters: {
            query?: {
                status?: "pending" | "sending" | "done" | "dead" | "undone" | "skipped";
                rule?: string;
                kind?: "delete" | "warn" | "mute" | "remove" | "blacklist" | "send" | "reply" | "tag" | "notify" | "approve" | "decline" | "unmute" | "unblacklist";
                /** @description Our member id */
                member?: number;
                /** @description The page, from 1 */
                page?: number;
                /** @description Items per page, at most 500 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of actions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Actions"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getActionsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our action id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postActionsIdUndo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our action id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The action, now undone */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postActionsIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our action id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The action, pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rules"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postRulesKeyToggle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule’s key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                };
            };
        };
        responses: {
            /** @description The rule’s new state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleToggle"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postRulesTest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                    /** @description Test as in this community (its key); default: each rule as if it applied */
                    community?: string;
                    /** @description Only this rule */
                    rule?: string;
                };
            };
        };
        responses: {
            /** @description The actions proposed; nothing is sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleTest"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postRulesKeyDryRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule’s key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Start: a date (workspace zone) or an instant with offset */
                    from: string;
                    /** @description End (exclusive) */
                    to: string;
                    /** @description Proposals listed (default 50) */
                    sample?: number;
                };
            };
        };
        responses: {
            /** @description What it would have done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DryRun"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommunitiesRefElimination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our community id (or id:N), platform:id, or a platform id */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preview */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Elimination"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCommunitiesRefEliminationAnnounce: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our community id (or id:N), platform:id, or a platform id */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preview, with the notice queued */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Elimination"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCommunitiesRefEliminationExecute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Our community id (or id:N), platform:id, or a platform id */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preview, with the removals queued */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EliminationDone"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExportMembers: {
        parameters: {
            query?: {
                /** @description csv (UTF-8 with BOM, CRLF) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Our community id (or id:N), platform:id, or a platform id */
                community?: string;
                /** @description As of this date (workspace zone) or instant; default now */
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExportMetrics: {
        parameters: {
            query: {
                /** @description csv (UTF-8 with BOM, CRLF) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Our community id (or id:N), platform:id, or a platform id */
                community?: string;
                /** @description Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset */
                from: string;
                /** @description End (exclusive), same forms */
                to: string;
                /** @description One row per calendar period; without it, one row */
                by?: "day" | "week" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImportMembers: {
        parameters: {
            query?: {
                /** @description field=Header: read a field from this column (repeatable) */
                map?: string | string[];
                /** @description A column to leave out (repeatable) */
                ignore?: string | string[];
                /** @description Platform of the ids in the file (default import) */
                platform?: string;
                /** @description Community the rows belong to (members: a join) */
                community?: string;
                /** @description XLSX: the worksheet to read (default the first) */
                sheet?: string;
                /** @description CSV: the text encoding (default auto: UTF-8 or GB18030) */
                encoding?: "auto" | "utf-8" | "gb18030" | "utf-16le" | "utf-16be";
                /** @description true: validate and count, write nothing */
                dry_run?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description Import summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummary"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImportOrders: {
        parameters: {
            query?: {
                /** @description field=Header: read a field from this column (repeatable) */
                map?: string | string[];
                /** @description A column to leave out (repeatable) */
                ignore?: string | string[];
                /** @description Platform of the ids in the file (default import) */
                platform?: string;
                /** @description Community the rows belong to (members: a join) */
                community?: string;
                /** @description XLSX: the worksheet to read (default the first) */
                sheet?: string;
                /** @description CSV: the text encoding (default auto: UTF-8 or GB18030) */
                encoding?: "auto" | "utf-8" | "gb18030" | "utf-16le" | "utf-16be";
                /** @description true: validate and count, write nothing */
                dry_run?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description Import summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummary"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPlaybooks: {
        parameters: {
            query?: {
                /** @description As of this date (workspace zone) or instant; default now */
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The playbooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Playbooks"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPlaybooksKeyPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The playbook’s key */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description preview as of this instant or date (default now) */
                    at?: string;
                    /** @description per-member steps: occurrences within this many days (default 7) */
                    days?: number;
                    /** @description recipients listed per step (default 50) */
                    limit?: number;
                };
            };
        };
        responses: {
            /** @description The next occurrences, step by step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookPreview"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFaq: {
        parameters: {
            query?: {
                /** @description Days counted back from now */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FAQ rules and their entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Faq"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getModeration: {
        parameters: {
            query?: {
                kind?: "delete" | "warn" | "mute" | "remove" | "blacklist";
                rule?: string;
                status?: "pending" | "sending" | "done" | "dead" | "undone" | "skipped";
                /** @description The page, from 1 */
                page?: number;
                /** @description Items per page, at most 200 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of moderation actions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Moderation"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPlaybooksCalendar: {
        parameters: {
            query: {
                /** @description Start: a date (workspace zone) or an instant with offset */
                from: string;
                /** @description End (exclusive), at most 62 days after from */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Runs per local day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookCalendar"];
                };
            };
            /** @description Invalid input (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role or community */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown target */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many wrong secrets or attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (see the server log) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
