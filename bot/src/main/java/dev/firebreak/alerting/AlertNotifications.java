package dev.firebreak.alerting;

import org.springframework.data.jpa.repository.JpaRepository;

/** Accepted Alertmanager notifications (an audit log of intake). */
public interface AlertNotifications extends JpaRepository<AlertNotification, Long> {}
