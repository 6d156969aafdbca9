package vn.childprotection.workflow.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.childprotection.directory.CandidateGroups;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.StaffUser;

/** Users and groups from the directory, filtered in memory: the directory holds thousands, not millions. */
class DirectoryIdentityProvider implements ReadOnlyIdentityProvider {

    private final Directory directory;
    private final PasswordEncoder passwordEncoder;

    DirectoryIdentityProvider(Directory directory, PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public User findUserById(String userId) {
        return directory.user(userId).filter(StaffUser::enabled).map(DirectoryIdentityProvider::user).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new Users(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new Users();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Native user queries are not supported: users live in the application's directory");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null) {
            return false;
        }
        return directory.user(userId)
                .filter(StaffUser::enabled)
                .filter(u -> passwordEncoder.matches(password, u.passwordHash()))
                .isPresent();
    }

    @Override
    public Group findGroupById(String groupId) {
        return allGroups().get(groupId);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new Groups(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new Groups();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenants();
    }

    @Override
    public void flush() {
        // read-only: nothing to write
    }

    @Override
    public void close() {
        // no resources of its own: the directory uses the application's connection pool
    }

    private static User user(StaffUser staff) {
        UserEntity user = new UserEntity(staff.username());
        user.setFirstName(staff.displayName());
        user.setLastName("");
        return user;
    }

    /** Every group the directory implies, by id: unit groups for each commune and province, plus national ones. */
    private Map<String, Group> allGroups() {
        List<Group> groups = new ArrayList<>();
        groups.add(group(CandidateGroups.INTAKE, "Intake officers (hotline 111)", "WORKFLOW"));
        groups.add(group(CandidateGroups.ADMIN, "Administrators", "SYSTEM"));
        for (Commune c : directory.communes()) {
            groups.add(group(CandidateGroups.worker(c.code()), "Workers, " + c.name(), "WORKFLOW"));
            groups.add(group(CandidateGroups.chair(c.code()), "Chair, " + c.name(), "WORKFLOW"));
            groups.add(group(CandidateGroups.police(c.code()), "Police, " + c.name(), "WORKFLOW"));
        }
        directory.communes().stream().collect(Collectors.toMap(Commune::provinceCode, Commune::provinceName, (a, b) -> a))
                .forEach((code, name) -> {
                    groups.add(group(CandidateGroups.supervisor(code), "Supervisors, " + name, "WORKFLOW"));
                    groups.add(group(CandidateGroups.policeSupervisor(code), "Province police, " + name, "WORKFLOW"));
                });
        return groups.stream().collect(Collectors.toMap(Group::getId, Function.identity(), (a, b) -> a));
    }

    private static Group group(String id, String name, String type) {
        GroupEntity group = new GroupEntity(id);
        group.setName(name);
        group.setType(type);
        return group;
    }

    private static <T> List<T> page(Stream<T> items, Page page) {
        Stream<T> paged = items;
        if (page != null) {
            paged = paged.skip(page.getFirstResult()).limit(page.getMaxResults());
        }
        return paged.toList();
    }

    private static boolean like(String value, String pattern) {
        if (pattern == null) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(ch == '%' ? ".*" : ch == '_' ? "." : java.util.regex.Pattern.quote(String.valueOf(ch)));
        }
        return value != null && value.toLowerCase(Locale.ROOT).matches(regex.toString());
    }

    private final class Users extends UserQueryImpl {

        Users() {
        }

        Users(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matching(), page);
        }

        private Stream<User> matching() {
            return directory.users().stream()
                    .filter(StaffUser::enabled)
                    .filter(u -> id == null || id.equals(u.username()))
                    .filter(u -> ids == null || List.of(ids).contains(u.username()))
                    .filter(u -> groupId == null || u.groups().contains(groupId))
                    .filter(u -> firstName == null || firstName.equals(u.displayName()))
                    .filter(u -> like(u.displayName(), firstNameLike))
                    .filter(u -> lastName == null && lastNameLike == null && email == null && emailLike == null)
                    .sorted(Comparator.comparing(StaffUser::username))
                    .map(DirectoryIdentityProvider::user);
        }
    }

    private final class Groups extends GroupQueryImpl {

        Groups() {
        }

        Groups(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matching(), page);
        }

        private Stream<Group> matching() {
            List<String> memberOf = userId == null ? null
                    : directory.user(userId).map(u -> List.copyOf(u.groups())).orElse(List.of());
            return allGroups().values().stream()
                    .filter(g -> id == null || id.equals(g.getId()))
                    .filter(g -> ids == null || List.of(ids).contains(g.getId()))
                    .filter(g -> name == null || name.equals(g.getName()))
                    .filter(g -> like(g.getName(), nameLike))
                    .filter(g -> type == null || type.equals(g.getType()))
                    .filter(g -> memberOf == null || memberOf.contains(g.getId()))
                    .sorted(Comparator.comparing(Group::getId));
        }
    }
}
