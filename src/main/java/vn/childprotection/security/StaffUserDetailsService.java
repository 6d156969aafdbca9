package vn.childprotection.security;

import java.util.Arrays;

import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import vn.childprotection.directory.Directory;
import vn.childprotection.directory.StaffUser;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final Directory directory;
    private final boolean production;

    public StaffUserDetailsService(Directory directory, Environment environment) {
        this.directory = directory;
        this.production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffUser user = directory.user(username)
                .filter(u -> !(production && u.demo()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new StaffPrincipal(user);
    }
}
