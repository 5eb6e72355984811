package io.zhidu.crm.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoticePreferences extends JpaRepository<NoticePreference, Long> {
}
