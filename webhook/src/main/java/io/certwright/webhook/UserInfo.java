package io.certwright.webhook;

import java.util.List;
import java.util.Map;

/**
 * The authenticated user behind an admission request, as the API server reports it in
 * {@code request.userInfo}.
 *
 * @param username the user name, empty when the API server sent none
 * @param uid the user's UID, empty when the API server sent none
 * @param groups the groups, in the API server's order
 * @param extra additional attributes, such as scopes; empty when none
 */
public record UserInfo(String username, String uid, List<String> groups, Map<String, List<String>> extra) {

    public UserInfo {
        username = username == null ? "" : username;
        uid = uid == null ? "" : uid;
        groups = groups == null ? List.of() : List.copyOf(groups);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
